package org.praxis.platform.ratelimit;

/** A tenant's budgets: calls per window of each of its clients, and of all of them together. */
public record RateLimitSettings(long clientLimit, long tenantLimit) {}

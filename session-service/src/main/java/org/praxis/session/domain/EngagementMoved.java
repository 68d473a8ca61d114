package org.praxis.session.domain;

/**
 * An engagement changed status (a CDI event, fired in the transaction that changed it): what depends on its status
 * follows without {@link Engagements} knowing each of them (its monitoring plan, an open handover offer).
 */
public record EngagementMoved(Engagement engagement, String previous) {}

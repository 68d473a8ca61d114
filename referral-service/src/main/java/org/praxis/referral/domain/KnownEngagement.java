package org.praxis.referral.domain;

import java.util.UUID;

/** An engagement as session-service last described it: whose it is and with whom. */
public record KnownEngagement(UUID id, String clientSubject, String practitionerId, String status) {}

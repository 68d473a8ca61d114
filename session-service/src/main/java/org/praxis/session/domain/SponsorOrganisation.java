package org.praxis.session.domain;

/** An organisation that sponsors engagements, by the name engagements carry ({@link Engagement#sponsorOrganisation}). */
public record SponsorOrganisation(String name) {}

package org.praxis.assessment.domain.access;

/**
 * How a caller relates to a practitioner's record: it is their own, it belongs to one of their
 * supervisees, it names them as the supervisor who held it (a supervision session, whoever supervises now), it
 * is someone else's (anyone but the caller), or any record of the tenant.
 */
public enum PractitionerRelation {
    OWN,
    SUPERVISEE,
    HELD_AS_SUPERVISOR,
    SOMEONE_ELSES,
    ANY_IN_TENANT
}

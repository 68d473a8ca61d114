package org.praxis.session.domain.access;

/**
 * How a caller can stand to an object of session-service. Almost everything here belongs to one
 * engagement, so the relations are the caller's relation to that engagement; each policy says what
 * a relation means for its aggregate (for a note, {@link #OWN_SHARED} is a shared summary of the
 * client's own engagement, never a private note).
 */
public enum Relation {
    /** The caller is the engagement's client. */
    OWN,
    /** A shared summary (not a private note) of the caller's own engagement. */
    OWN_SHARED,
    /** The caller is the engagement's practitioner. */
    PRACTITIONER,
    /** The caller wrote this note and is the engagement's practitioner still (not a coach it was handed to). */
    AUTHOR,
    /** The caller supervises the engagement's practitioner (practitioner_supervisor, from assessment-service). */
    SUPERVISED,
    /** A shared summary of an engagement of a practitioner the caller supervises. */
    SUPERVISED_SHARED,
    /** The caller is the coach an engagement is being handed over to (a handover naming them). */
    INCOMING,
    /** The caller is named a party to this contract version. */
    PARTY,
    /** The caller is the sponsor party to this contract version (the one in force, for the sponsor report). */
    SPONSOR_PARTY,
    /**
     * The caller is the sponsor party to the contract in force of an engagement of this sponsor organisation
     * (the organisation outcome report).
     */
    ORGANISATION_SPONSOR,
    /** Anything in the caller's tenant (admins: subject export). */
    ANY_IN_TENANT
}

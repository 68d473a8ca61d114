package org.praxis.platform.security;

/** The realm roles a token can carry. */
public final class Roles {
    public static final String CLIENT = "client";
    public static final String COACH = "coach";
    public static final String SUPERVISOR = "supervisor";
    public static final String SPONSOR = "sponsor";
    public static final String ADMIN = "admin";
    /** Service accounts (client-credentials tokens) of the other Praxis services. */
    public static final String SERVICE = "service";

    private Roles() {}
}

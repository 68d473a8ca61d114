package org.praxis.platform.web;

/**
 * The size limits every service uses for its inputs, and declares for its outputs, so a 10 MB string,
 * a 100,000-entry map or a two-billion integer is refused at the door (422) and every OpenAPI schema
 * says how large a value can be. Use them as {@code @Size(max = Bounds.TEXT)} on request fields and
 * {@code @Schema(maxLength = Bounds.TEXT)} on response fields that echo them.
 */
public final class Bounds {
    /** Codes, states, levels, instrument codes, link ids, roles. */
    public static final int CODE = 64;
    /** An OIDC subject or practitioner id (Keycloak subjects are UUIDs; other issuers are longer). */
    public static final int SUBJECT = 255;
    /** Names, titles, references, organisations: one line. */
    public static final int NAME = 200;
    /** A reason, a justification, a short note or summary. */
    public static final int REASON = 2_000;
    /** Free text: notes, concerns, descriptions. */
    public static final int TEXT = 10_000;
    /** URIs and URLs. */
    public static final int URI = 2_048;
    /** An opaque paging cursor. */
    public static final int CURSOR = 200;
    /** An If-Match / If-None-Match header (a few quoted versions). */
    public static final int ETAG_HEADER = 200;
    /** An Idempotency-Key header. */
    public static final int IDEMPOTENCY_KEY = 200;
    /** A list inside one request or record (goals, parties, reasons, items of an instrument). */
    public static final int LIST = 100;
    /** Answers of one screening response (keyed by item link id). */
    public static final int ANSWERS = 100;
    /** Serialised size of one ISO-8601 instant / date / UUID. */
    public static final int INSTANT = 35;

    public static final int DATE = 10;
    public static final int UUID = 36;
    /** Any count or version a response carries. */
    public static final long COUNT_MAX = Integer.MAX_VALUE;

    private Bounds() {}
}

package org.praxis.referral.domain;

import java.time.Duration;
import java.util.List;

/** How soon the recipient should answer; the order matters (each deadline no longer than the next). */
public enum Urgency {
    EMERGENCY("emergency", Duration.ofHours(4)),
    URGENT("urgent", Duration.ofDays(2)),
    SOON("soon", Duration.ofDays(7)),
    ROUTINE("routine", Duration.ofDays(21));

    public final String code;
    /** The default time an answer may take before the referral counts as overdue. */
    public final Duration defaultDeadline;

    Urgency(String code, Duration defaultDeadline) {
        this.code = code;
        this.defaultDeadline = defaultDeadline;
    }

    public static Urgency of(String code) {
        for (Urgency u : values()) {
            if (u.code.equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException("urgency must be one of " + codes());
    }

    public static List<String> codes() {
        return java.util.Arrays.stream(values()).map(u -> u.code).toList();
    }

    /** FHIR R4 request-priority: routine | urgent | asap | stat, in rising order. */
    public String fhirPriority() {
        return switch (this) {
            case ROUTINE -> "routine";
            case SOON -> "urgent";
            case URGENT -> "asap";
            case EMERGENCY -> "stat";
        };
    }
}

package org.praxis.referral.domain;

import java.util.List;

/** What a directory service offers; referral-service publishes it, session-service acts on it. */
public final class ServiceKinds {
    public static final String SELF_HELP = "self-help";
    public static final List<String> ALL =
            List.of("therapy", "counselling", "gp", "psychiatry", "crisis-line", "support-work", SELF_HELP, "other");

    private ServiceKinds() {}
}

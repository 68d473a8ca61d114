package org.praxis.session.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.praxis.platform.domain.Transitions;

/**
 * A progress summary's statuses: the practitioner drafts it; the client approves or rejects the draft,
 * or the practitioner withdraws it. A decided summary never changes: a new one is drafted instead.
 */
public final class ProgressSummaryLifecycle {
    public static final String DRAFT = "draft";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";

    public static final List<String> STATUSES = List.of(DRAFT, APPROVED, REJECTED, WITHDRAWN);
    /** What the client may decide. */
    public static final List<String> DECISIONS = List.of(APPROVED, REJECTED);

    private static final Transitions TABLE = Transitions.of(
            "A progress summary",
            STATUSES,
            Map.of(
                    DRAFT, Set.of(APPROVED, REJECTED, WITHDRAWN),
                    APPROVED, Set.of(),
                    REJECTED, Set.of(),
                    WITHDRAWN, Set.of()));

    private ProgressSummaryLifecycle() {}

    public static boolean isStatus(String status) {
        return TABLE.isStatus(status);
    }

    public static boolean canMove(String from, String to) {
        return TABLE.canMove(from, to);
    }

    /** 409 unless a summary may move from {@code from} to {@code to}. */
    public static void requireMove(String from, String to) {
        TABLE.requireMove(from, to, DRAFT.equals(from) ? null : "draft a new summary instead");
    }

    /** Still a draft: the client may decide it, the practitioner may withdraw it. */
    public static boolean isOpen(String status) {
        return TABLE.isOpen(status);
    }
}

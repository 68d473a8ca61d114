package org.praxis.testsupport;

import java.util.Set;
import java.util.UUID;

/**
 * The people of an erasure test, in a fresh tenant: the {@code person} to erase, an {@code other} whose
 * rows must stay as they were, {@code staff} who act on their records where that takes someone else,
 * and a {@code secondAdmin} who approves what needs four eyes. Each service's test puts the person in
 * every role it knows ({@code as(person, "coach")}...), then checks the erasure everywhere.
 */
public class ErasureCast extends TestTenant {
    public final String person = "person-" + UUID.randomUUID();
    public final String other = "other-" + UUID.randomUUID();
    public final String staff = "staff-" + UUID.randomUUID();
    public final String secondAdmin = "admin-" + UUID.randomUUID();

    /** {@code who} in the platform's roles: export settings and requests, and the subject of an export. */
    public void playPlatformRoles(String who) {
        PlatformRoles.play(id, who, staff, secondAdmin);
    }

    /** See {@link ErasureRequests#assertErasedEverywhere}; {@code pseudonym} is the person's. */
    public void assertErasedEverywhere(String pseudonym, Set<String> roles, Set<String> deleted, String topic) {
        ErasureRequests.assertErasedEverywhere(id, person, pseudonym, other, roles, deleted, topic);
    }
}

package org.praxis.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * What the client of an intake would prefer, recorded by them before the decision (seed 000: the person is
 * consulted first and chooses). Options are plain choices of the person's own, not pathway codes.
 */
@Entity
public class ClientPreference {
    public static final String WORK_WITH_A_COACH = "work-with-a-coach";
    public static final String TALK_WITH_A_THERAPIST = "talk-with-a-therapist";
    public static final String COACH_AND_THERAPIST = "coach-and-therapist";
    public static final String NOT_SURE = "not-sure";
    /** No help now: with nothing indicating need, triage then recommends no intervention ({@link Triage}). */
    public static final String NO_HELP_NOW = "no-help-now";

    public static final List<String> OPTIONS =
            List.of(WORK_WITH_A_COACH, TALK_WITH_A_THERAPIST, COACH_AND_THERAPIST, NOT_SURE, NO_HELP_NOW);

    private static final SealedColumn NOTE = SealedColumn.of("client_preference", "note");

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String preference;
    /** The coach the client would like to work with, by subject; null for no preference. */
    public String preferredCoach;
    /** Sealed ({@link #note()}). */
    String note;

    public String recordedBy;
    public Instant recordedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean wantsNoHelpNow() {
        return NO_HELP_NOW.equals(preference);
    }

    public String note() {
        return NOTE.open(tenantId, id, note);
    }

    public void note(String plaintext) {
        note = NOTE.seal(tenantId, id, plaintext);
    }
}

package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** An append-only correction or addition to a signed note, signed when written. */
@Entity
public class NoteAddendum {
    /** Addenda one note takes, so a note is read whole in one answer; more corrections than this make a new note. */
    public static final int MAX_PER_NOTE = 100;

    private static final SealedColumn BODY = SealedColumn.of("note_addendum", "body");

    @Id
    public UUID id;

    public String tenantId;
    public UUID noteId;
    public int seq;
    /** Sealed ({@link #body()}). */
    String body;

    public String author;
    public Instant signedAt;

    public String body() {
        return BODY.open(tenantId, id, body);
    }

    public void body(String plaintext) {
        body = BODY.seal(tenantId, id, plaintext);
    }
}

package org.praxis.session.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** An append-only correction or addition to a signed note, signed when written. */
@Entity
public class NoteAddendum {
    /** Addenda one note takes, so a note is read whole in one answer; more corrections than this make a new note. */
    public static final int MAX_PER_NOTE = 100;

    @Id
    public UUID id;
    public String tenantId;
    public UUID noteId;
    public int seq;
    @Convert(converter = EncryptedText.class)
    public String body;
    public String author;
    public Instant signedAt;
}

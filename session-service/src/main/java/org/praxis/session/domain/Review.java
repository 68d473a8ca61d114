package org.praxis.session.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/** A periodic review of the engagement, or the end review that closes it. */
@Entity
public class Review {
    public static final String PERIODIC = "periodic";
    public static final String END = "end";

    @Id
    public UUID id;
    public String tenantId;
    public UUID engagementId;
    public String kind;
    public LocalDate heldOn;
    @Convert(converter = EncryptedText.class)
    public String whatChanged;
    /** What the practitioner shares with the client of this review (the client never sees {@link #whatChanged}). */
    @Convert(converter = EncryptedText.class)
    public String sharedSummary;
    public String goalsMet;
    public boolean followUpOffered;
    public int boosterSessionsOffered;
    public String createdBy;
    public Instant createdAt;
}

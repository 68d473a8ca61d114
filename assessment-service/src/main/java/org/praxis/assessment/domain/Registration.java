package org.praxis.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** A professional registration (e.g. a therapy register) with its number and expiry. */
@Entity
public class Registration {
    public static final String THERAPY_REGISTER = "therapy-register";
    public static final List<String> KINDS = List.of(THERAPY_REGISTER, "coaching-body", "other");

    private static final SealedColumn NUMBER = SealedColumn.of("registration", "number");

    @Id
    public UUID id;

    public String tenantId;
    public String practitionerId;
    public String kind;
    public String body;
    /** Sealed to this row: read and write it through {@link #number()} and {@link #number(String)}. */
    String number;

    public LocalDate expiresOn;
    public Instant createdAt;
    /** Who verified the entry and when; null until verified (only verified entries count toward eligibility). */
    public String verifiedBy;

    public Instant verifiedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /** Current until the day it expires: on that day it no longer counts. */
    public boolean isCurrentOn(LocalDate day) {
        return expiresOn.isAfter(day);
    }

    public String number() {
        return NUMBER.open(tenantId, id, number);
    }

    /** Seals {@code plaintext} to this row: set {@code id} and {@code tenantId} first. */
    public void number(String plaintext) {
        number = NUMBER.seal(tenantId, id, plaintext);
    }
}

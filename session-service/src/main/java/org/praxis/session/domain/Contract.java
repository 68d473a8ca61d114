package org.praxis.session.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.praxis.platform.crypto.EncryptedText;

/**
 * One version of an engagement's contract. Versions never change; a change is a new version that
 * every required party accepts again. The disclosure terms say what a sponsor may see.
 */
@Entity
public class Contract {
    @Id
    public UUID id;
    public String tenantId;
    public UUID engagementId;
    public int number;
    @Convert(converter = EncryptedText.class)
    public String purpose;
    @Convert(converter = EncryptedText.class)
    public String goalsInScope;
    @Convert(converter = EncryptedText.class)
    public String confidentialityTerms;
    @Convert(converter = EncryptedText.class)
    public String limitsOfConfidentiality;
    public Integer reviewEveryWeeks;
    public Integer sessionsPrepaid;
    public boolean discloseAttendance;
    public boolean discloseSessionDates;
    public boolean discloseSessionCounts;
    public boolean discloseProgressSummaries;
    public String createdBy;
    public Instant createdAt;

    public DisclosureTerms disclosure() {
        return new DisclosureTerms(discloseAttendance, discloseSessionDates, discloseSessionCounts, discloseProgressSummaries);
    }
}

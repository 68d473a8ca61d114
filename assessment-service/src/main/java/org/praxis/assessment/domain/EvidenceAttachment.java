package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** An attachment by reference (URL and content hash); Praxis stores no files. */
@Entity
public class EvidenceAttachment {
    @Id
    public UUID id;

    public UUID evidenceId;
    public String url;
    public String sha256;
}

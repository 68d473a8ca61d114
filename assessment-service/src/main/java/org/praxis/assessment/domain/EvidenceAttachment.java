package org.praxis.assessment.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An attachment by reference (URL and content hash); Praxis stores no files. */
@Entity
public class EvidenceAttachment {
    @Id
    public UUID id;
    public UUID evidenceId;
    public String url;
    public String sha256;
}

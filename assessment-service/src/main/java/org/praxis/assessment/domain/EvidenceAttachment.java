package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** An attachment by reference (URL and content hash); Praxis stores no files. */
@Entity
public class EvidenceAttachment {
    /** A recording's or a signed document's link opens what it names: sealed at rest, as the evidence's text is. */
    private static final SealedColumn URL = SealedColumn.sealedLater("evidence_attachment", "url");

    @Id
    public UUID id;

    public String tenantId;
    public UUID evidenceId;
    /** Sealed ({@link #url()}). */
    String url;

    public String sha256;

    public String url() {
        return URL.open(tenantId, id, url);
    }

    public void url(String plaintext) {
        url = URL.seal(tenantId, id, plaintext);
    }
}

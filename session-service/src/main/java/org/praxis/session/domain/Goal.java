package org.praxis.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/**
 * A goal of the engagement with the typology the framework uses (competence area 4): proximal or
 * distal, performance or learning, approach or avoidance, and whether it is self-concordant.
 */
@Entity
public class Goal {
    public static final String OPEN = "open";
    /** The end review found it met, as the client judges it. */
    public static final String MET = "met";

    public static final List<String> STATUSES = List.of(OPEN, MET);
    public static final List<String> HORIZONS = List.of("proximal", "distal");
    public static final List<String> ORIENTATIONS = List.of("performance", "learning");
    public static final List<String> DIRECTIONS = List.of("approach", "avoidance");

    private static final SealedColumn TITLE = SealedColumn.of("goal", "title");

    @Id
    public UUID id;

    public String tenantId;
    public UUID engagementId;
    /** Sealed ({@link #title()}). */
    String title;

    public String horizon;
    public String orientation;
    public String direction;
    public boolean selfConcordant;
    public String status;
    public Instant createdAt;

    @Version
    @Column(nullable = false)
    public long version;

    public String title() {
        return TITLE.open(tenantId, id, title);
    }

    public void title(String plaintext) {
        title = TITLE.seal(tenantId, id, plaintext);
    }
}

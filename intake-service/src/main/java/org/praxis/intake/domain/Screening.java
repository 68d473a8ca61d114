package org.praxis.intake.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.praxis.platform.crypto.SealedColumn;

/** One scored response. Never changes: a correction is a new screening. */
@Entity
public class Screening {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SealedColumn ANSWERS = SealedColumn.of("screening", "answers");

    @Id
    public UUID id;

    public String tenantId;
    public UUID intakeId;
    public String instrumentCode;
    public int instrumentVersion;
    public String scoringVersion;
    /** The answers as JSON, sealed ({@link #answers()}). */
    String answers;

    public int total;
    public String severity;
    public Integer percent;
    public String submittedBy;
    public Instant scoredAt;
    /** Set when the screening completed a monitoring measure's assignment ({@link Assignment#measureId}). */
    public UUID engagementId;

    public UUID measureId;

    /** The answers as JSON. */
    public String answers() {
        return ANSWERS.open(tenantId, id, answers);
    }

    /** The answers by item link id. */
    public Map<String, Integer> answerMap() {
        try {
            return JSON.readValue(answers(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers unreadable", e);
        }
    }

    public void answers(String json) {
        answers = ANSWERS.seal(tenantId, id, json);
    }
}

package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import java.util.UUID;

/**
 * How far the client judges one goal met at the end review. Three steps rather than a 0-10 rating: the
 * end review records goals as met or not ({@link Review#goalsMet}), and "partly" is what the client
 * needs to say beside it; the 0-10 ratings over time are {@link GoalProgress}.
 */
@Entity
public class ClientGoalJudgement {
    public static final String MET = "met";
    public static final String PARTLY = "partly";
    public static final String NOT_MET = "not-met";
    public static final List<String> JUDGEMENTS = List.of(MET, PARTLY, NOT_MET);

    @Id
    public UUID id;

    public String tenantId;
    public UUID judgementId;
    public UUID goalId;
    /** One of {@link #JUDGEMENTS}. */
    public String judgement;
}

package org.praxis.session.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.session.api.EngagementViews.OpenEngagementRequest;
import org.praxis.session.api.EngagementViews.PartyRequest;
import org.praxis.session.api.EngagementViews.ProposeContractRequest;
import org.praxis.session.api.GoalResource.GoalRequest;
import org.praxis.session.api.NoteResource.WriteNoteRequest;
import org.praxis.session.api.ProgressSummaryResource.SummaryDecisionRequest;
import org.praxis.session.api.ReviewResource.GoalJudgementRequest;
import org.praxis.session.api.ReviewResource.ReviewRequest;
import org.praxis.session.api.RiskConcernResource.RiskConcernRequest;
import org.praxis.session.api.SessionResource.ScheduleRequest;
import org.praxis.session.domain.ClientGoalJudgement;
import org.praxis.session.domain.CoachingSession;
import org.praxis.session.domain.Contract;
import org.praxis.session.domain.ContractParty;
import org.praxis.session.domain.Engagement;
import org.praxis.session.domain.Goal;
import org.praxis.session.domain.ProgressSummaryLifecycle;
import org.praxis.session.domain.Review;
import org.praxis.session.domain.RiskConcern;
import org.praxis.session.domain.SessionNote;

/**
 * A request validates a closed set with a {@code @Pattern} (an annotation cannot read a list); it accepts
 * exactly the domain's list, the one the OpenAPI document declares as the enum (SessionClosedSets).
 */
class ClosedSetPatternsTest {
    /** Bean Validation's annotations on a record component land on its field. */
    private static List<String> accepted(Class<? extends Record> request, String field) throws NoSuchFieldException {
        Pattern pattern = request.getDeclaredField(field).getAnnotation(Pattern.class);
        return List.of(pattern.regexp().split("\\|"));
    }

    @Test
    void everyRequestPatternIsTheDomainsList() throws NoSuchFieldException {
        assertEquals(Engagement.PATHWAYS, accepted(OpenEngagementRequest.class, "pathway"));
        assertEquals(ContractParty.ROLES, accepted(PartyRequest.class, "role"));
        assertEquals(Contract.PACKAGE_CHANGES, accepted(ProposeContractRequest.class, "packageChange"));
        assertEquals(Goal.HORIZONS, accepted(GoalRequest.class, "horizon"));
        assertEquals(Goal.ORIENTATIONS, accepted(GoalRequest.class, "orientation"));
        assertEquals(Goal.DIRECTIONS, accepted(GoalRequest.class, "direction"));
        assertEquals(SessionNote.KINDS, accepted(WriteNoteRequest.class, "kind"));
        assertEquals(RiskConcern.LEVELS, accepted(RiskConcernRequest.class, "level"));
        assertEquals(CoachingSession.MODES, accepted(ScheduleRequest.class, "mode"));
        assertEquals(CoachingSession.MODELS, accepted(ScheduleRequest.class, "model"));
        assertEquals(Review.KINDS, accepted(ReviewRequest.class, "kind"));
        assertEquals(ClientGoalJudgement.JUDGEMENTS, accepted(GoalJudgementRequest.class, "judgement"));
        assertEquals(ProgressSummaryLifecycle.DECISIONS, accepted(SummaryDecisionRequest.class, "decision"));
    }
}

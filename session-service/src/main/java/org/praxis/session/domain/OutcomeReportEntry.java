package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One engagement as the organisation outcome report counts it, taken when its group is released and kept as
 * it was ({@link OrganisationOutcomes}): counts and two yes/no answers, never a person.
 */
@Entity
public class OutcomeReportEntry {
    @Id
    public UUID engagementId;

    public String tenantId;

    public String organisation;
    /** Its place in the organisation's released engagements, from 0, in the order they closed. */
    public int position;

    public Instant releasedAt;
    public int held;
    public int noShows;
    /** It had a classifiable score. */
    public boolean measured;
    /** Reliable improvement or recovery on some measure, deterioration on none. */
    public boolean improved;

    public int goalsMet;
    public int goalsPartly;
    public int goalsNotMet;

    /** The engagement's figures now: its sessions by status, its trajectories' classifications, its goal judgements. */
    static OutcomeReportEntry of(
            Engagement e,
            int position,
            Map<String, Long> sessionsByStatus,
            Set<String> classifications,
            Collection<String> judgements) {
        OutcomeReportEntry entry = new OutcomeReportEntry();
        entry.tenantId = e.tenantId;
        entry.engagementId = e.id;
        entry.organisation = e.sponsorOrganisation;
        entry.position = position;
        entry.releasedAt = Instant.now();
        entry.held = sessionsByStatus.getOrDefault(CoachingSession.HELD, 0L).intValue();
        entry.noShows =
                sessionsByStatus.getOrDefault(CoachingSession.NO_SHOW, 0L).intValue();
        entry.measured = classifications.stream().anyMatch(c -> !ScoreTrajectory.NOT_CLASSIFIABLE.equals(c));
        entry.improved = entry.measured && OrganisationOutcomeReport.reliablyImproved(classifications);
        entry.goalsMet = count(judgements, ClientGoalJudgement.MET);
        entry.goalsPartly = count(judgements, ClientGoalJudgement.PARTLY);
        entry.goalsNotMet = count(judgements, ClientGoalJudgement.NOT_MET);
        return entry;
    }

    int goalsJudged() {
        return goalsMet + goalsPartly + goalsNotMet;
    }

    private static int count(Collection<String> judgements, String judgement) {
        return (int) judgements.stream().filter(judgement::equals).count();
    }
}

package org.praxis.session.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;

/**
 * What a sponsor learns of the outcomes of an organisation's engagements: counts and shares over the
 * engagements whose contract in force allows aggregate disclosure, never a person or an engagement id,
 * and nothing at all when fewer than the minimum group size count ({@link MinimumGroupSize}); engagements
 * count in whole groups of that size, in the order they closed, so two reads never differ by one; a share
 * resting on fewer engagements than that is left out the same way, with the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganisationOutcomeReport(
        @Schema(required = true, maxLength = Bounds.NAME) String organisation,

        @Schema(required = true, minimum = "" + MinimumGroupSize.FLOOR, maximum = "" + Bounds.COUNT_MAX)
        int minimumGroupSize,

        @Schema(required = true, description = "No figures: too few engagements count")
        boolean suppressed,

        @Schema(maxLength = Bounds.REASON) String reason,

        @Schema(minimum = "0", maximum = "" + Bounds.COUNT_MAX)
        Integer engagements,

        @Schema(
                required = true,
                minimum = "0",
                maximum = "" + Bounds.COUNT_MAX,
                description = "Closed engagements that count but wait for the next whole group of the minimum size")
        int waiting,

        Attendance attendance,
        Improvement reliableImprovement,
        GoalsJudged goalsJudgedByClients) {

    public record Attendance(
            @Schema(required = true, minimum = "0", maximum = "" + Bounds.COUNT_MAX)
            long held,

            @Schema(required = true, minimum = "0", maximum = "" + Bounds.COUNT_MAX)
            long noShows) {}

    /** The share of engagements with scores whose client reliably improved (or reliably recovered) on some measure and deteriorated on none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Improvement(
            @Schema(required = true, description = "False: too few engagements with scores; the reason says so")
            boolean shown,

            @Schema(minimum = "0", maximum = "" + Bounds.COUNT_MAX)
            Integer engagementsMeasured,

            @Schema(minimum = "0", maximum = "100") Integer percentReliablyImproved,

            @Schema(maxLength = Bounds.REASON) String reason) {}

    /** The goals clients judged at their end review, and the share they judged met or partly met. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GoalsJudged(
            @Schema(required = true, description = "False: too few engagements with goals judged; the reason says so")
            boolean shown,

            @Schema(minimum = "0", maximum = "" + Bounds.COUNT_MAX)
            Integer engagementsJudged,

            @Schema(minimum = "0", maximum = "" + Bounds.COUNT_MAX)
            Integer goalsJudged,

            @Schema(minimum = "0", maximum = "100") Integer percentMet,

            @Schema(minimum = "0", maximum = "100") Integer percentPartlyMet,

            @Schema(maxLength = Bounds.REASON) String reason) {}

    /**
     * @param counted the engagements that count, as each was taken when its group was released ({@link
     *     OutcomeReportEntry}): whole groups of the minimum size only ({@link MinimumGroupSize#released})
     * @param waiting the engagements that would count and wait for the next whole group
     */
    public static OrganisationOutcomeReport of(
            String organisation, MinimumGroupSize rule, List<OutcomeReportEntry> counted, int waiting) {
        if (!rule.shows(counted.size())) {
            return new OrganisationOutcomeReport(
                    organisation,
                    rule.k(),
                    true,
                    rule.reasonHidden(counted.size(), "engagements"),
                    null,
                    waiting,
                    null,
                    null,
                    null);
        }
        Attendance attendance = new Attendance(
                counted.stream().mapToLong(e -> e.held).sum(),
                counted.stream().mapToLong(e -> e.noShows).sum());
        return new OrganisationOutcomeReport(
                organisation,
                rule.k(),
                false,
                null,
                counted.size(),
                waiting,
                attendance,
                improvement(rule, counted),
                goals(rule, counted));
    }

    private static Improvement improvement(MinimumGroupSize rule, List<OutcomeReportEntry> counted) {
        List<OutcomeReportEntry> measured =
                wholeGroups(rule, counted.stream().filter(e -> e.measured).toList());
        if (!rule.shows(measured.size())) {
            return new Improvement(false, null, null, rule.reasonHidden(measured.size(), "engagements with scores"));
        }
        long improved = measured.stream().filter(e -> e.improved).count();
        return new Improvement(true, measured.size(), percent(improved, measured.size()), null);
    }

    /**
     * A share is taken over a part of the counted engagements (those with scores, those with judged goals), and that
     * part too counts in whole groups of the minimum size, in the order released: else a release whose group added
     * one engagement with scores would move the share by that one client's outcome (5 measured, then 6).
     */
    private static List<OutcomeReportEntry> wholeGroups(MinimumGroupSize rule, List<OutcomeReportEntry> inOrder) {
        return inOrder.subList(0, rule.released(inOrder.size()));
    }

    /** Reliable improvement or reliable recovery on some measure, reliable deterioration on none. */
    static boolean reliablyImproved(Set<String> classifications) {
        return !classifications.contains(ScoreTrajectory.RELIABLE_DETERIORATION)
                && (classifications.contains(ScoreTrajectory.RELIABLE_IMPROVEMENT)
                        || classifications.contains(ScoreTrajectory.RELIABLE_RECOVERY));
    }

    private static GoalsJudged goals(MinimumGroupSize rule, List<OutcomeReportEntry> counted) {
        List<OutcomeReportEntry> judged = wholeGroups(
                rule, counted.stream().filter(e -> e.goalsJudged() > 0).toList());
        if (!rule.shows(judged.size())) {
            return new GoalsJudged(
                    false,
                    null,
                    null,
                    null,
                    null,
                    rule.reasonHidden(judged.size(), "engagements with goals judged by clients"));
        }
        int all = judged.stream().mapToInt(OutcomeReportEntry::goalsJudged).sum();
        return new GoalsJudged(
                true,
                judged.size(),
                all,
                percent(judged.stream().mapToInt(e -> e.goalsMet).sum(), all),
                percent(judged.stream().mapToInt(e -> e.goalsPartly).sum(), all),
                null);
    }

    private static int percent(long part, long whole) {
        return (int) Math.round(100.0 * part / whole);
    }
}

package org.praxis.session.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;

/**
 * What a sponsor sees of an engagement: only the parts the accepted disclosure terms allow; the
 * others are absent, not empty. Notes, answers and risk details are never part of it; of the progress
 * summaries, only those the client approved ({@link ProgressSummaries#approvedTexts}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SponsorReport(
        @Schema(required = true) UUID engagementId,

        @Schema(required = true, minimum = "1", maximum = "" + Bounds.COUNT_MAX)
        int contractNumber,

        Attendance attendance,
        @Schema(maxItems = SESSIONS) List<LocalDate> sessionDates,
        Counts sessionCounts,
        @Schema(maxItems = Bounds.LIST) List<@Size(max = Bounds.TEXT) String> progressSummaries) {
    /** What the counts and dates can reach: the sessions one engagement holds. */
    private static final int SESSIONS = CoachingSession.MAX_PER_ENGAGEMENT;

    public record Attendance(
            @Schema(required = true, minimum = "0", maximum = "" + SESSIONS)
            int held,

            @Schema(required = true, minimum = "0", maximum = "" + SESSIONS)
            int noShows,

            @Schema(
                    required = true,
                    minimum = "0",
                    maximum = "" + SESSIONS,
                    description = "The client's cancellations inside the contract's notice (not the practitioner's)")
            int lateCancellations) {}

    public record Counts(
            @Schema(required = true, minimum = "0", maximum = "" + SESSIONS)
            int held,

            @Schema(required = true, minimum = "0", maximum = "" + SESSIONS)
            int scheduled,

            @Schema(minimum = "0", maximum = "" + Engagement.MAX_PREPAID)
            Integer remainingInPackage) {}

    public static SponsorReport of(
            Engagement e,
            int contractNumber,
            DisclosureTerms terms,
            List<CoachingSession> sessions,
            List<String> approvedSummaries) {
        Attendance attendance = terms.attendance()
                ? new Attendance(count(sessions, CoachingSession.HELD), count(sessions, CoachingSession.NO_SHOW), (int)
                        sessions.stream()
                                // the client's: a practitioner's late cancellation is no lateness of theirs
                                .filter(s -> Boolean.TRUE.equals(s.cancelledLate)
                                        && CoachingSession.BY_CLIENT.equals(s.cancelledBy))
                                .count())
                : null;
        List<LocalDate> dates = terms.sessionDates()
                ? sessions.stream()
                        .filter(s -> CoachingSession.HELD.equals(s.status))
                        .map(s -> LocalDate.ofInstant(s.scheduledAt, ZoneOffset.UTC))
                        .sorted()
                        .toList()
                : null;
        Counts counts = terms.sessionCounts()
                ? new Counts(
                        count(sessions, CoachingSession.HELD),
                        count(sessions, CoachingSession.SCHEDULED),
                        e.sessionsRemaining)
                : null;
        List<String> summaries = terms.progressSummaries() ? List.copyOf(approvedSummaries) : null;
        return new SponsorReport(e.id, contractNumber, attendance, dates, counts, summaries);
    }

    private static int count(List<CoachingSession> sessions, String status) {
        return (int) sessions.stream().filter(s -> status.equals(s.status)).count();
    }
}

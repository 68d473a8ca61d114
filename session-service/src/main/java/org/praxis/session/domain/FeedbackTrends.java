package org.praxis.session.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.persistence.TenantQueries;

/**
 * A practitioner's client feedback by month (issue 22): how many answers and, once a month holds
 * {@link #MINIMUM_ANSWERS} or more from {@link FeedbackRespondents#MINIMUM_CLIENTS} clients or more, the mean of
 * each item and the comments in alphabetical order. Below that a mean is one or two clients' own answers (however
 * many sessions they answered about) and a comment points at the one session that month, so neither is shown.
 * No row ever names a session, an engagement or a client. The month in progress shows only its count: its
 * means and comments would change with each answer, and a practitioner reading them before and after one client's
 * answer would read that answer off the difference.
 */
@ApplicationScoped
public class FeedbackTrends {
    /** Answers a month needs before its means and comments are shown. */
    public static final int MINIMUM_ANSWERS = 3;
    /** The months a trend covers, the current one included. */
    public static final int MONTHS = 24;

    private static final MinimumGroupSize RULE = new MinimumGroupSize(MINIMUM_ANSWERS);
    private static final MinimumGroupSize CLIENTS = new MinimumGroupSize(FeedbackRespondents.MINIMUM_CLIENTS);

    @Inject
    TenantQueries tenant;

    @Inject
    Policies policies;

    @Inject
    AuditLog audit;

    @Inject
    FeedbackRespondents respondents;

    /** Whose trends: the object the access policy decides on. */
    public record Of(String practitionerId) {}

    /** One month's answers: means and comments are null and empty below the minimum, with the reason. */
    public record Month(
            YearMonth month, int answers, FeedbackMeans means, List<String> comments, String notShownBecause) {}

    @Transactional
    public List<Month> of(String practitionerId) {
        policies.feedbackTrends().requireView(policies.caller(), new Of(practitionerId), practitionerId);
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        Instant since = current.minusMonths(MONTHS - 1L)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        List<SessionFeedback> answers = tenant.select(
                        SessionFeedback.class,
                        "e.practitionerId = :p and e.answeredAt >= :since",
                        null,
                        Map.of("p", practitionerId, "since", since))
                .getResultList();
        Function<SessionFeedback, String> client = respondents.of(answers);
        Map<YearMonth, List<SessionFeedback>> byMonth = answers.stream()
                .collect(Collectors.groupingBy(
                        (SessionFeedback f) -> YearMonth.from(f.answeredAt.atZone(ZoneOffset.UTC)),
                        () -> new TreeMap<YearMonth, List<SessionFeedback>>(Comparator.reverseOrder()),
                        Collectors.toList()));
        audit.record("read-feedback-trends", "practitioner", practitionerId, null);
        return byMonth.entrySet().stream()
                .map(m -> m.getKey().equals(current)
                        ? inProgress(m.getKey(), m.getValue())
                        : month(m.getKey(), m.getValue(), client))
                .toList();
    }

    private static Month inProgress(YearMonth month, List<SessionFeedback> answers) {
        return new Month(
                month,
                answers.size(),
                null,
                List.of(),
                "The month has not ended: its means and comments show once it has, so no one answer can be read off"
                        + " a change.");
    }

    private static Month month(
            YearMonth month, List<SessionFeedback> answers, Function<SessionFeedback, String> client) {
        if (!RULE.shows(answers.size())) {
            return new Month(month, answers.size(), null, List.of(), RULE.reasonHidden(answers.size(), "answers"));
        }
        long clients = FeedbackRespondents.count(answers, client);
        if (!CLIENTS.shows(clients)) {
            return new Month(month, answers.size(), null, List.of(), CLIENTS.reasonHidden(clients, "clients"));
        }
        List<String> comments = answers.stream()
                .map(SessionFeedback::comment)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new Month(month, answers.size(), FeedbackMeans.of(answers), comments, null);
    }
}

package org.praxis.session.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.ToIntFunction;

/** The mean of each feedback item over some answers, to one decimal (trends and the published aggregate). */
public record FeedbackMeans(
        BigDecimal feltHeard, BigDecimal workedOnWhatMattered, BigDecimal approachFitted, BigDecimal overall) {

    /** The means of {@code answers}, which must not be empty. */
    public static FeedbackMeans of(List<SessionFeedback> answers) {
        return new FeedbackMeans(
                mean(answers, f -> f.feltHeard),
                mean(answers, f -> f.workedOnWhatMattered),
                mean(answers, f -> f.approachFitted),
                mean(answers, f -> f.overall));
    }

    private static BigDecimal mean(List<SessionFeedback> answers, ToIntFunction<SessionFeedback> item) {
        long sum = answers.stream().mapToLong(item::applyAsInt).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers.size()), 1, RoundingMode.HALF_UP);
    }
}

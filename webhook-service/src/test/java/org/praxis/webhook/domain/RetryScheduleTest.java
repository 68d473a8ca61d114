package org.praxis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

    @Test
    void eachPauseInTurnWithUpToTenPercentJitter() {
        for (int i = 0; i < 50; i++) {
            Duration first = schedule.pauseAfter(1).orElseThrow();
            assertTrue(first.compareTo(Duration.ofSeconds(5)) >= 0 && first.compareTo(Duration.ofMillis(5500)) <= 0);
            Duration second = schedule.pauseAfter(2).orElseThrow();
            assertTrue(second.compareTo(Duration.ofMinutes(5)) >= 0 && second.compareTo(Duration.ofSeconds(330)) <= 0);
        }
        assertTrue(schedule.pauseAfter(3).isEmpty());
        assertEquals(3, schedule.attempts());
    }

    @Test
    void theDefaultScheduleRetriesForMoreThanADay() throws NoSuchMethodException {
        String pauses = WebhookConfig.class
                .getMethod("retrySchedule")
                .getAnnotation(WithDefault.class)
                .value();
        Duration total = Arrays.stream(pauses.split(","))
                .map(p -> Duration.parse("PT" + p.toUpperCase(java.util.Locale.ROOT)))
                .reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofDays(1)) > 0, total.toString());
    }
}

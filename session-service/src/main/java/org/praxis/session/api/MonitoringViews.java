package org.praxis.session.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.platform.web.Bounds;
import org.praxis.session.domain.MonitoringPlan;
import org.praxis.session.domain.MonitoringSchedule;

/** What the monitoring resources read and answer. Instrument codes, intervals and dates; never a score or band. */
public final class MonitoringViews {
    private MonitoringViews() {}

    @Schema(description = "Instruments and exactly one interval: every N held sessions or every N weeks")
    public record MonitoringScheduleRequest(
            @NotNull @Size(min = 1, max = MonitoringSchedule.MAX_INSTRUMENTS)
            List<@NotNull @Size(max = Bounds.CODE) @Pattern(regexp = MonitoringSchedule.CODE_PATTERN) String>
                    instruments,

            @Min(1) @Max(MonitoringSchedule.MAX_INTERVAL) Integer everySessions,
            @Min(1) @Max(MonitoringSchedule.MAX_INTERVAL) Integer everyWeeks) {
        MonitoringSchedule toDomain() {
            return new MonitoringSchedule(instruments, everySessions, everyWeeks);
        }
    }

    public record MonitoringScheduleView(
            @Schema(required = true, maxItems = MonitoringSchedule.MAX_INSTRUMENTS)
            List<@Size(max = Bounds.CODE) String> instruments,

            @Schema(minimum = "1", maximum = "52") Integer everySessions,

            @Schema(minimum = "1", maximum = "52") Integer everyWeeks) {
        static MonitoringScheduleView of(MonitoringSchedule s) {
            return new MonitoringScheduleView(s.instruments(), s.everySessions(), s.everyWeeks());
        }
    }

    public record MonitoringPlanRequest(
            @NotNull @Size(min = 1, max = MonitoringSchedule.MAX_INSTRUMENTS)
            List<@NotNull @Size(max = Bounds.CODE) @Pattern(regexp = MonitoringSchedule.CODE_PATTERN) String>
                    instruments,

            @Min(1) @Max(MonitoringSchedule.MAX_INTERVAL) Integer everySessions,
            @Min(1) @Max(MonitoringSchedule.MAX_INTERVAL) Integer everyWeeks,

            @Schema(description = "The last day a measure may fall due; absent: until the engagement ends")
            LocalDate until) {
        MonitoringSchedule schedule() {
            return new MonitoringSchedule(instruments, everySessions, everyWeeks);
        }
    }

    public record MonitoringPlanView(
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxItems = MonitoringSchedule.MAX_INSTRUMENTS)
            List<@Size(max = Bounds.CODE) String> instruments,

            @Schema(minimum = "1", maximum = "52") Integer everySessions,

            @Schema(minimum = "1", maximum = "52") Integer everyWeeks,

            LocalDate until) {
        static MonitoringPlanView of(MonitoringPlan p) {
            return new MonitoringPlanView(p.engagementId, p.instruments, p.everySessions, p.everyWeeks, p.untilDate);
        }
    }
}

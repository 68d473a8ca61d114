package org.praxis.session.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.security.Roles;
import org.praxis.platform.web.Bounds;
import org.praxis.platform.web.Page;
import org.praxis.platform.web.PageParams;
import org.praxis.session.domain.MeasureList;
import org.praxis.session.domain.MonitoringMeasure;

/** Monitoring measures for the practitioner and supervisor to follow up: which are overdue, due, done. */
@Path("/v1/monitoring-measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Monitoring plans of engagements and the measures they make due")
public class MonitoringMeasureResource {
    @Inject
    MeasureList measures;

    public record MonitoringMeasureView(
            @Schema(required = true) UUID measureId,
            @Schema(required = true) UUID engagementId,

            @Schema(required = true, maxLength = Bounds.CODE)
            String instrument,

            @Schema(required = true) LocalDate dueOn,

            @Schema(required = true, maxLength = Bounds.CODE)
            String status,

            @Schema(description = "intake-service's screening that completed it")
            UUID screeningId,

            Instant completedAt) {
        static MonitoringMeasureView of(MonitoringMeasure m, LocalDate today) {
            return new MonitoringMeasureView(
                    m.id, m.engagementId, m.instrument, m.dueOn, m.statusOn(today), m.screeningId, m.completedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.COACH, Roles.SUPERVISOR})
    @Extension(name = AccessMatrix.EXTENSION, value = "monitoring-measure:list")
    @Operation(
            operationId = "listMonitoringMeasures",
            summary =
                    "Monitoring measures of the caller's engagements (a supervisor: their supervisees'), soonest due first")
    public Page<MonitoringMeasureView> list(
            @Parameter(
                            description =
                                    "overdue: due before today and not completed; due: not completed, due today or later;"
                                            + " withdrawn: its engagement closed first")
                    @QueryParam("status")
                    @Pattern(regexp = MonitoringMeasure.STATUS_PATTERN)
                    String status,
            @QueryParam("engagementId") UUID engagementId,
            @BeanParam PageParams page) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return measures.list(status, engagementId, page.request()).map(m -> MonitoringMeasureView.of(m, today));
    }
}

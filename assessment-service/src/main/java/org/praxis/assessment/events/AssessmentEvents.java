package org.praxis.assessment.events;

import java.util.List;
import java.util.UUID;

/** What assessment-service publishes on {@code assessment.events}. Ids, codes and counts only. */
public final class AssessmentEvents {
    public static final String ELIGIBILITY_CHANGED = "eligibility.changed.v1";
    public static final String SUPERVISOR_CHANGED = "practitioner.supervisor-changed.v1";
    public static final String ASSESSMENT_COMPLETED = "assessment.completed.v1";
    public static final String SUBJECT_ERASED = "subject.erased.v1";

    private AssessmentEvents() {}

    /** The full current set, so a consumer replaces what it held. */
    public record EligibilityChanged(String practitionerId, List<String> eligibilities) {}

    public record SupervisorChanged(String practitionerId, String supervisorId) {}

    public record AssessmentCompleted(
            UUID assessmentId,
            String practitionerId,
            String frameworkCode,
            int frameworkVersion,
            int competencesAssessed,
            int competentOrAbove) {}

    public record SubjectErased(String requestId, String service, int practitioners, int evidence) {}
}

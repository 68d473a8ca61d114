package org.praxis.assessment.domain.events;

import java.util.List;
import java.util.UUID;
import org.praxis.platform.events.OutgoingEvent;

/** What assessment-service publishes on {@code assessment.events}. Ids, codes and counts only. */
public final class AssessmentEvents {

    private AssessmentEvents() {}

    /** The full current set, so a consumer replaces what it held. */
    public record EligibilityChanged(String practitionerId, List<String> eligibilities) implements OutgoingEvent {
        @Override
        public String type() {
            return "eligibility.changed.v1";
        }

        @Override
        public Object aggregateId() {
            return practitionerId;
        }
    }

    public record SupervisorChanged(String practitionerId, String supervisorId) implements OutgoingEvent {
        @Override
        public String type() {
            return "practitioner.supervisor-changed.v1";
        }

        @Override
        public Object aggregateId() {
            return practitionerId;
        }
    }

    public record AssessmentCompleted(
            UUID assessmentId,
            String practitionerId,
            String frameworkCode,
            int frameworkVersion,
            int competencesAssessed,
            int competentOrAbove)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "assessment.completed.v1";
        }

        @Override
        public Object aggregateId() {
            return practitionerId;
        }
    }

    public record SubjectErased(String requestId, String service, int practitioners, int evidence)
            implements OutgoingEvent {
        @Override
        public String type() {
            return "subject.erased.v1";
        }

        @Override
        public Object aggregateId() {
            return requestId;
        }
    }
}

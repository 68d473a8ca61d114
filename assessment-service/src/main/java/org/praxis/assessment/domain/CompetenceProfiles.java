package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.praxis.assessment.domain.access.PractitionerPolicy;

/** Builds a practitioner's {@link CompetenceProfile} from what is recorded. */
@ApplicationScoped
public class CompetenceProfiles {
    @Inject
    Practitioners practitioners;

    @Inject
    Assessments assessments;

    @Inject
    Settings settings;

    @Inject
    Frameworks frameworks;

    /**
     * The profile of the latest assessment on the tenant's current framework; before there is one, the
     * current framework with nothing rated. For a caller who may see it ({@link PractitionerPolicy}).
     */
    public CompetenceProfile of(String practitioner) {
        practitioners.require(practitioner, PractitionerPolicy.Action.VIEW_COMPETENCE_PROFILE);
        Assessment latest = assessments.latestOnCurrentFramework(practitioner).orElse(null);
        if (latest == null) {
            Settings.Values s = settings.current();
            return CompetenceProfile.of(
                    practitioner, frameworks.get(s.frameworkCode(), s.frameworkVersion()), null, List.of());
        }
        return CompetenceProfile.of(practitioner, assessments.framework(latest), latest, assessments.ratings(latest));
    }
}

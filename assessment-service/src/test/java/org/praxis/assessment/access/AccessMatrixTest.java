package org.praxis.assessment.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.domain.access.AssessmentPolicy;
import org.praxis.assessment.domain.access.DevelopmentActionPolicy;
import org.praxis.assessment.domain.access.EvidencePolicy;
import org.praxis.assessment.domain.access.FrameworkPolicy;
import org.praxis.assessment.domain.access.PractitionerPolicy;
import org.praxis.assessment.domain.access.RegistrationPolicy;
import org.praxis.assessment.domain.access.SettingsPolicy;
import org.praxis.assessment.domain.access.SupervisionRecordPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.testsupport.AccessDocument;

/** Every /v1 operation names its guard, and assessment-service's section of docs/access.md is current (PRAXIS_DOCS_UPDATE=true rewrites it). */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() {
        AccessDocument.assertCompleteAndCurrent(new AccessMatrix(
                "assessment-service",
                List.of(
                        PractitionerPolicy.RULES,
                        RegistrationPolicy.RULES,
                        EvidencePolicy.RULES,
                        SupervisionRecordPolicy.RULES,
                        AssessmentPolicy.RULES,
                        DevelopmentActionPolicy.RULES,
                        SettingsPolicy.RULES,
                        FrameworkPolicy.RULES))::verify);
    }
}

package org.praxis.intake.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.intake.domain.access.AssignmentPolicy;
import org.praxis.intake.domain.access.CallerAccess;
import org.praxis.intake.domain.access.ClientWordingPolicy;
import org.praxis.intake.domain.access.DecisionPolicy;
import org.praxis.intake.domain.access.InstrumentPolicy;
import org.praxis.intake.domain.access.IntakePolicy;
import org.praxis.intake.domain.access.RiskFlagPolicy;
import org.praxis.intake.domain.access.ScreeningPolicy;
import org.praxis.intake.domain.access.TriageSettingsPolicy;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.platform.privacy.ErasureRequestPolicy;
import org.praxis.testsupport.AccessDocument;

/** Every /v1 operation names its guard, and intake-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() {
        AccessDocument.assertCompleteAndCurrent(new AccessMatrix(
                "intake-service",
                List.of(
                        IntakePolicy.RULES,
                        ScreeningPolicy.RULES,
                        RiskFlagPolicy.RULES,
                        DecisionPolicy.RULES,
                        AssignmentPolicy.RULES,
                        InstrumentPolicy.RULES,
                        TriageSettingsPolicy.RULES,
                        ClientWordingPolicy.RULES,
                        CallerAccess.RULES,
                        ErasureRequestPolicy.RULES))::verify); // intake-service is the erasure coordinator
    }
}

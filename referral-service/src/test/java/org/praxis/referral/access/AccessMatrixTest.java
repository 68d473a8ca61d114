package org.praxis.referral.access;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.platform.access.AccessMatrix;
import org.praxis.referral.domain.access.ConsentPolicy;
import org.praxis.referral.domain.access.DeadlinesPolicy;
import org.praxis.referral.domain.access.DirectoryPolicy;
import org.praxis.referral.domain.access.ReferralPolicy;
import org.praxis.referral.domain.access.SelfHelpOfferPolicy;
import org.praxis.testsupport.AccessDocument;

/** Every /v1 operation names its guard, and referral-service's section of docs/access.md is current. */
@QuarkusTest
class AccessMatrixTest {
    @Test
    void theAccessMatrixIsCompleteAndCurrent() {
        AccessDocument.assertCompleteAndCurrent(new AccessMatrix(
                "referral-service",
                List.of(
                        ReferralPolicy.RULES,
                        ConsentPolicy.RULES,
                        SelfHelpOfferPolicy.RULES,
                        DirectoryPolicy.RULES,
                        DeadlinesPolicy.RULES))::verify);
    }
}

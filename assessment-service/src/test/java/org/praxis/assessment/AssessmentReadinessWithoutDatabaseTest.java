package org.praxis.assessment;

import org.praxis.testsupport.DatabaseDownProfile;
import org.praxis.testsupport.ReadinessWithoutDatabaseContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class AssessmentReadinessWithoutDatabaseTest extends ReadinessWithoutDatabaseContract {
}

package org.praxis.intake;

import org.praxis.testsupport.DatabaseDownProfile;
import org.praxis.testsupport.ReadinessWithoutDatabaseContract;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class IntakeReadinessWithoutDatabaseTest extends ReadinessWithoutDatabaseContract {
}

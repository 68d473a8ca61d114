package org.praxis.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.praxis.testsupport.DatabaseDownProfile;
import org.praxis.testsupport.ReadinessWithoutDatabaseContract;

@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class IntakeReadinessWithoutDatabaseTest extends ReadinessWithoutDatabaseContract {}

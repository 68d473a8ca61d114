package org.praxis.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.praxis.testsupport.DatabaseDownProfile;
import org.praxis.testsupport.ReadinessWithoutDatabaseContract;

@QuarkusTest
@TestProfile(DatabaseDownProfile.class)
class WebhookReadinessWithoutDatabaseTest extends ReadinessWithoutDatabaseContract {}

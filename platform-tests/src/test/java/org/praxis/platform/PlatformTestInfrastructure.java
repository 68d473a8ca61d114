package org.praxis.platform;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.praxis.testsupport.KafkaResource;
import org.praxis.testsupport.OidcResource;
import org.praxis.testsupport.PostgresResource;

/** Registers the real test infrastructure for every test of this module. */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcResource.class, scope = TestResourceScope.GLOBAL)
public class PlatformTestInfrastructure {}

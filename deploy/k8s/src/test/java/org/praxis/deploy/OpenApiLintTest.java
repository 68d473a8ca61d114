package org.praxis.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Spectral with the OWASP API Security ruleset over the five services' OpenAPI documents (built
 * before this module): no string without maxLength, array without maxItems, integer without bounds
 * or format (owasp:api4:2023 size limits). The findings of every rule are printed; docs/api-lint/check
 * runs the same by hand.
 */
class OpenApiLintTest {
    @Test
    void noServiceDocumentHasUnboundedStringsArraysOrIntegers() throws Exception {
        Path project = RenderedManifests.k8s().getParent().getParent();
        Path check = project.resolve("docs/api-lint/check");
        assertTrue(Files.isExecutable(check), check + " is missing");
        Process p = new ProcessBuilder("bash", check.toString())
                .directory(project.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "docs/api-lint/check did not finish");
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        for (String service : new String[] {"intake", "session", "referral", "assessment", "webhook"}) {
            assertTrue(out.contains("== " + service + "-service"), service + " not linted:\n" + out);
        }
    }
}

package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * "Every /v1 operation names its guard, and docs/access.md says what the policies do": a service's
 * access matrix checked against its running OpenAPI document ({@code PRAXIS_DOCS_UPDATE=true} in the
 * environment rewrites the document). Takes the matrix's check as a function because test-support
 * cannot see the platform (the platform's own tests use test-support).
 */
public final class AccessDocument {
    public static final Path PATH = Path.of("../docs/access.md");

    private AccessDocument() {}

    /** {@code verify} is {@code AccessMatrix::verify}: the problems it finds in (OpenAPI, document). */
    public static void assertCompleteAndCurrent(BiFunction<JsonNode, Path, List<String>> verify) {
        assertEquals(List.of(), verify.apply(OpenApi.document(), PATH));
    }
}

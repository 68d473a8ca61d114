package org.praxis.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Every list pages", read from a running service's OpenAPI document: each operation answering a list
 * (a {@code Page…} or an array) takes {@code limit} and {@code cursor}, with the platform's bounds, or is
 * one of the few the service names as unpaged.
 */
public final class PagedLists {
    private PagedLists() {}

    /** Fails unless the lists that do not page are exactly {@code unpaged} (operation ids). */
    public static void assertEveryListPagesBut(Set<String> unpaged) throws Exception {
        JsonNode doc = OpenApi.document();
        Set<String> notPaged = new TreeSet<>();
        for (JsonNode path : doc.get("paths")) {
            JsonNode get = path.get("get");
            if (get == null) {
                continue;
            }
            JsonNode schema = get.at("/responses/200/content/application~1json/schema");
            boolean list = schema.path("$ref").asText().startsWith("#/components/schemas/Page")
                    || "array".equals(schema.path("type").asText());
            Map<String, JsonNode> parameters = new HashMap<>();
            get.path("parameters").forEach(p -> parameters.put(p.get("name").asText(), p.get("schema")));
            if (!list) {
                continue;
            }
            String operation = get.get("operationId").asText();
            if (!parameters.containsKey("limit") || !parameters.containsKey("cursor")) {
                notPaged.add(operation);
                continue;
            }
            assertEquals(1, parameters.get("limit").get("minimum").asInt(), operation);
            assertEquals(100, parameters.get("limit").get("maximum").asInt(), operation);
            assertEquals(200, parameters.get("cursor").get("maxLength").asInt(), operation);
        }
        assertEquals(new TreeSet<>(unpaged), notPaged, "the lists that do not page");
    }
}

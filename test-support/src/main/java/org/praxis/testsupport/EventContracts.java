package org.praxis.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/** The event schemas and golden examples in {@code docs/events/}, for producer and consumer tests. */
public final class EventContracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private EventContracts() {}

    /** {@code docs/events}, found from the module's working directory up. */
    public static Path directory() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("docs/events");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        throw new IllegalStateException(
                "docs/events not found above " + Paths.get("").toAbsolutePath());
    }

    /** The schema's complaints about {@code payload} as an event of {@code ceType}; empty when it conforms. */
    public static List<String> violations(String ceType, String payload) {
        Path schema = directory().resolve(ceType + ".schema.json");
        if (!Files.exists(schema)) {
            return List.of("no schema for " + ceType + " in docs/events");
        }
        try {
            JsonSchema s = SCHEMAS.getSchema(Files.newInputStream(schema));
            Set<ValidationMessage> messages = s.validate(JSON.readTree(payload));
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String goldenExample(String ceType) {
        try {
            return Files.readString(directory().resolve(ceType + ".example.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode goldenExampleJson(String ceType) {
        try {
            return JSON.readTree(goldenExample(ceType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

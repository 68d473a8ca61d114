package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

/**
 * docs/events and docs/asyncapi.yaml against what the running services emit and consume. Runs after
 * the flows and faults (class order), whose events it checks: run it with the whole module.
 */
@Order(3)
class EventContractsTest extends SystemTest {

    private static List<String> schemaTypes() throws Exception {
        try (Stream<Path> files = Files.list(EventContracts.directory())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theAsyncApiDocumentDescribesEverySchemaOnItsTopicAndEveryReferenceResolves() throws Exception {
        Path docs = EventContracts.directory().getParent();
        JsonNode api = new ObjectMapper(new YAMLFactory())
                .readTree(docs.resolve("asyncapi.yaml").toFile());
        assertTrue(api.path("asyncapi").asText().startsWith("3."), "AsyncAPI 3");
        JsonNode messages = api.at("/components/messages");
        Set<String> described = new HashSet<>();
        messages.properties().forEach(m -> {
            String type = m.getValue().path("name").asText();
            String ref = m.getValue().at("/payload/$ref").asText();
            assertEquals("./events/" + type + ".schema.json", ref, m.getKey());
            assertTrue(Files.isRegularFile(docs.resolve(ref)), ref);
            described.add(type);
        });
        assertEquals(new HashSet<>(schemaTypes()), described, "one message per schema in docs/events");

        api.path("channels").properties().forEach(c -> {
            String address = c.getValue().path("address").asText();
            c.getValue().path("messages").properties().forEach(m -> {
                String ref = m.getValue().path("$ref").asText();
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                assertTrue(messages.has(name), ref);
                String type = messages.get(name).path("name").asText();
                assertEquals(type.split("\\.")[2] + ".events", address, type + " is on its service's topic");
            });
        });
        api.path("operations").properties().forEach(o -> {
            String channel = o.getValue().at("/channel/$ref").asText();
            assertTrue(api.at(channel.substring(1)).isObject(), channel);
            o.getValue()
                    .path("messages")
                    .forEach(m -> assertTrue(
                            api.at(m.path("$ref").asText().substring(1)).isObject(),
                            m.path("$ref").asText()));
        });
    }

    @Test
    void everyEventTheServicesEmittedConformsToItsSchemaAndCarriesItsCloudEventHeaders() throws Exception {
        List<String> known = schemaTypes();
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        // privacy.events too: the erasure coordinator (intake-service) publishes there.
        for (String topic :
                List.of("intake.events", "session.events", "referral.events", "assessment.events", "privacy.events")) {
            for (ConsumerRecord<String, String> r : TopicProbe.readToEnd(topic, r -> true)) {
                if (TopicProbe.header(r, TEST_MARK) != null) {
                    continue; // put there by a test, not emitted by a service
                }
                String type = TopicProbe.header(r, "ce_type");
                seen.add(type);
                if (!known.contains(type)) {
                    problems.add(topic + ": no schema for " + type);
                    continue;
                }
                EventContracts.violations(type, r.value())
                        .forEach(v -> problems.add(type + ": " + v + " in " + r.value()));
                for (String header : List.of("ce_id", "ce_source", "ce_time", "ce_tenant")) {
                    if (TopicProbe.header(r, header) == null) {
                        problems.add(type + " lacks " + header);
                    }
                }
                UUID.fromString(TopicProbe.header(r, "ce_id"));
                Instant.parse(TopicProbe.header(r, "ce_time"));
            }
        }
        assertEquals(List.of(), problems);
        // The flows made every service speak: at least these crossed the wire.
        assertTrue(
                seen.containsAll(List.of(
                        "org.praxis.intake.risk-flag.raised.v1",
                        "org.praxis.intake.intake.decided.v1",
                        "org.praxis.session.risk.noted.v1",
                        "org.praxis.session.session.completed.v1",
                        "org.praxis.referral.referral.status-changed.v1",
                        "org.praxis.assessment.eligibility.changed.v1",
                        "org.praxis.assessment.practitioner.supervisor-changed.v1")),
                seen.toString());
    }

    private String goldenOnItsTopic(String type, String key) {
        String topic = type.split("\\.")[2] + ".events";
        String id = UUID.randomUUID().toString();
        TopicProbe.send(
                topic,
                key,
                EventContracts.goldenExample(type),
                Map.of(
                        "ce_id",
                        id,
                        "ce_type",
                        type,
                        "ce_source",
                        ownerOf(topic),
                        "ce_tenant",
                        tenant,
                        "ce_time",
                        Instant.now().toString(),
                        "ce_specversion",
                        "1.0",
                        TEST_MARK,
                        "1"));
        return id;
    }

    @Test
    void everyConsumedGoldenExampleIsAppliedByItsConsumer() {
        Tokens coach7 = Tokens.of("coach-7").tenant(tenant).roles("coach");
        as(admin, ASSESSMENT)
                .body(Map.of("subject", "coach-7", "displayName", "Coach Seven"))
                .when()
                .post("/v1/practitioners")
                .then()
                .statusCode(201);
        List<String> ids = new ArrayList<>();
        ids.add(goldenOnItsTopic("org.praxis.intake.intake.decided.v1", "6f1c2b9e-2f43-4a8e-9a77-0c1d5b3e8a10"));
        ids.add(goldenOnItsTopic("org.praxis.intake.risk-flag.raised.v1", "6f1c2b9e-2f43-4a8e-9a77-0c1d5b3e8a10"));
        ids.add(goldenOnItsTopic("org.praxis.session.risk.noted.v1", "3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"));
        ids.add(goldenOnItsTopic("org.praxis.session.session.completed.v1", "3d5e7f90-1a2b-4c3d-8e9f-0a1b2c3d4e5f"));
        ids.add(goldenOnItsTopic(
                "org.praxis.referral.referral.status-changed.v1", "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918"));
        ids.add(goldenOnItsTopic("org.praxis.assessment.eligibility.changed.v1", "coach-7"));
        ids.add(goldenOnItsTopic("org.praxis.assessment.practitioner.supervisor-changed.v1", "coach-7"));

        // Their effects, through the APIs.
        eventually(() -> as(coach7, SESSION)
                        .when()
                        .get("/v1/engagements")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size()
                == 1);
        eventually(() -> as(supervisor, REFERRAL)
                        .when()
                        .get("/v1/referrals?origin=risk-flag")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size()
                == 1);
        eventually(() -> as(supervisor, REFERRAL)
                        .when()
                        .get("/v1/referrals?origin=risk-concern")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size()
                == 1);
        eventually(() -> as(coach7, ASSESSMENT)
                        .when()
                        .get("/v1/practitioners/coach-7/evidence")
                        .then()
                        .extract()
                        .<List<?>>path("items")
                        .size()
                == 1);

        // And none of them was dead-lettered by anyone: once every reader has consumed the topic to its end,
        // any dead letter of it is on the dead-letter topic.
        for (String topic : List.of("intake.events", "session.events", "referral.events", "assessment.events")) {
            consumedToEndByItsReaders(topic);
            List<ConsumerRecord<String, String>> dead =
                    TopicProbe.readToEnd(topic + ".dlq", r -> ids.contains(TopicProbe.header(r, "ce_id")));
            assertTrue(
                    dead.isEmpty(),
                    () -> topic + ".dlq holds "
                            + dead.stream()
                                    .map(r -> TopicProbe.header(r, "praxis_dlq_consumer") + ": "
                                            + TopicProbe.header(r, "praxis_dlq_error"))
                                    .toList());
        }

        // The golden erasure request is confirmed by all four.
        String requestId = EventContracts.goldenExampleJson("org.praxis.privacy.subject.erasure-requested.v1")
                .get("requestId")
                .asText();
        goldenOnItsTopic("org.praxis.privacy.subject.erasure-requested.v1", "8c1f6c3e-3b7a-4c55-9d0e-5d1f0a2b7e11");
        for (String topic : List.of("intake.events", "session.events", "referral.events", "assessment.events")) {
            List<ConsumerRecord<String, String>> confirmed = TopicProbe.read(
                    topic,
                    r -> requestId.equals(r.key()) && tenant.equals(TopicProbe.header(r, "ce_tenant")),
                    f -> !f.isEmpty(),
                    Duration.ofSeconds(30));
            assertFalse(confirmed.isEmpty(), topic);
            assertNotNull(TopicProbe.header(confirmed.get(0), "ce_type"));
        }
    }
}

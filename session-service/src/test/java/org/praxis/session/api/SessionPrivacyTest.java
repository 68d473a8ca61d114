package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class SessionPrivacyTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");
    private final Tokens admin = Tokens.anyone().tenant(tenant).roles("admin");

    private static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    @Test
    void exportThenErasureKeepsOnlySignedNotesUnderAPseudonym() {
        String id = as(coach).body(Map.of("clientSubject", client.subject(), "pathway", "coaching")).when().post("/v1/engagements")
                .then().statusCode(201).extract().path("id");
        String signed = as(coach).body(Map.of("kind", "private", "body", "signed record")).when()
                .post("/v1/engagements/" + id + "/notes").then().statusCode(201).extract().path("id");
        as(coach).when().post("/v1/engagements/" + id + "/notes/" + signed + "/signature").then().statusCode(200);
        as(coach).body(Map.of("kind", "private", "body", "draft thoughts")).when().post("/v1/engagements/" + id + "/notes")
                .then().statusCode(201);
        as(client).body(Map.of("title", "Find a new role", "horizon", "distal", "orientation", "performance",
                "direction", "approach", "selfConcordant", true)).when().post("/v1/engagements/" + id + "/goals").then().statusCode(201);

        as(admin).when().get("/v1/subjects/" + client.subject() + "/export").then().statusCode(200)
                .body("engagements", hasSize(1)).body("notes", hasSize(2)).body("goals[0].title", is("Find a new role"));
        as(coach).when().get("/v1/subjects/" + client.subject() + "/export").then().statusCode(403);

        String requestId = "era-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", "org.praxis.privacy.subject.erasure-requested.v1", "ce_source", "/privacy",
                "ce_tenant", tenant, "ce_time", Instant.now().toString());
        String payload = "{\"subject\":\"" + client.subject() + "\",\"requestId\":\"" + requestId + "\"}";
        TopicProbe.send("privacy.events", client.subject(), payload, headers);
        TopicProbe.send("privacy.events", client.subject(), payload, headers);
        var confirmations = TopicProbe.read("session.events", r -> requestId.equals(r.key()), f -> false, Duration.ofSeconds(8));
        assertEquals(1, confirmations.size());
        assertEquals(List.of(), EventContracts.violations("org.praxis.session.subject.erased.v1", confirmations.get(0).value()));
        assertTrue(confirmations.get(0).value().contains("\"signedNotesRetained\": 1"), confirmations.get(0).value());

        as(admin).when().get("/v1/subjects/" + client.subject() + "/export").then().statusCode(200).body("engagements", hasSize(0));
        as(coach).when().get("/v1/engagements/" + id + "/notes").then().body("items", hasSize(1));
        as(coach).when().get("/v1/engagements/" + id + "/goals").then().body("items[0].title", is("erased"));
        String pseudonym = as(coach).when().get("/v1/engagements/" + id).then().extract().path("clientSubject");
        assertTrue(pseudonym.startsWith("erased-"), pseudonym);
    }
}

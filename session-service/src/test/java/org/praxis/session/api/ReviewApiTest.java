package org.praxis.session.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.EventContracts;
import org.praxis.testsupport.Tokens;
import org.praxis.testsupport.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class ReviewApiTest {
    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final Tokens coach = Tokens.anyone().tenant(tenant).roles("coach");
    private final Tokens client = Tokens.anyone().tenant(tenant).roles("client");

    private static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    private String activeEngagement() {
        String id = as(coach).body(Map.of("clientSubject", client.subject(), "pathway", "coaching")).when().post("/v1/engagements")
                .then().statusCode(201).extract().path("id");
        as(coach).body(Map.of("purpose", "Clarity", "reviewEveryWeeks", 4, "parties", List.of(
                Map.of("role", "client", "subject", client.subject(), "required", true),
                Map.of("role", "coach", "subject", coach.subject(), "required", true))))
                .when().post("/v1/engagements/" + id + "/contracts").then().statusCode(201);
        as(client).when().post("/v1/engagements/" + id + "/contracts/1/acceptance").then().statusCode(200);
        as(coach).when().post("/v1/engagements/" + id + "/contracts/1/acceptance").then().statusCode(200);
        return id;
    }

    @Test
    void aReviewIsDueByTheContractsScheduleUntilItIsHeld() {
        String id = activeEngagement();
        as(coach).queryParam("due", true).when().get("/v1/reviews").then().statusCode(200).body("engagementId", not(hasItem(id)));
        // Activated five weeks ago: the four-weekly review is a week overdue.
        EmbeddedPostgres.shared().execute("update engagement set activated_at = now() - interval '35 days' where id = '" + id + "'");
        as(coach).queryParam("due", true).when().get("/v1/reviews").then().statusCode(200).body("engagementId", hasItem(id));
        as(Tokens.anyone().tenant(tenant).roles("coach")).queryParam("due", true).when().get("/v1/reviews").then()
                .body("engagementId", not(hasItem(id)));
        Tokens supervisor = Tokens.anyone().tenant(tenant).roles("supervisor");
        as(supervisor).queryParam("due", true).when().get("/v1/reviews").then().body("engagementId", not(hasItem(id)));
        Supervision.assign(tenant, coach.subject(), supervisor.subject());
        as(supervisor).queryParam("due", true).when().get("/v1/reviews").then().body("engagementId", hasItem(id));
        as(client).queryParam("due", true).when().get("/v1/reviews").then().statusCode(403);

        as(coach).body(Map.of("kind", "periodic", "heldOn", LocalDate.now(ZoneOffset.UTC).toString(), "whatChanged", "More sleep"))
                .when().post("/v1/engagements/" + id + "/reviews").then().statusCode(201);
        as(coach).queryParam("due", true).when().get("/v1/reviews").then().body("engagementId", not(hasItem(id)));
        as(coach).when().get("/v1/reviews").then().statusCode(400);
    }

    @Test
    void theEndReviewClosesTheEngagementWithTheGoalsTheClientJudgedMet() {
        String id = activeEngagement();
        String met = as(client).body(Map.of("title", "Sleep before midnight", "horizon", "proximal", "orientation", "performance",
                "direction", "approach", "selfConcordant", true)).when().post("/v1/engagements/" + id + "/goals").then()
                .statusCode(201).extract().path("id");
        as(client).body(Map.of("title", "Run a half marathon", "horizon", "distal", "orientation", "performance",
                "direction", "approach", "selfConcordant", false)).when().post("/v1/engagements/" + id + "/goals").then().statusCode(201);
        as(coach).body(Map.of("kind", "end", "goalsMet", List.of(UUID.randomUUID().toString())))
                .when().post("/v1/engagements/" + id + "/reviews").then().statusCode(422);
        as(coach).body(Map.of("kind", "end", "whatChanged", "Calmer evenings", "goalsMet", List.of(met), "followUpOffered", true,
                "boosterSessionsOffered", 2)).when().post("/v1/engagements/" + id + "/reviews").then().statusCode(201);
        as(client).when().get("/v1/engagements/" + id).then().body("status", is("closed"));
        as(client).when().get("/v1/engagements/" + id + "/goals").then().body("find { it.id == '" + met + "' }.status", is("met"));
        as(coach).body(Map.of("kind", "periodic")).when().post("/v1/engagements/" + id + "/reviews").then().statusCode(409);
        as(client).body(Map.of("kind", "end")).when().post("/v1/engagements/" + id + "/reviews").then().statusCode(403);

        var closed = TopicProbe.read("session.events", r -> id.equals(r.key())
                && "org.praxis.session.engagement.closed.v1".equals(TopicProbe.header(r, "ce_type")), f -> !f.isEmpty(),
                Duration.ofSeconds(30));
        assertEquals(1, closed.size());
        assertEquals(List.of(), EventContracts.violations("org.praxis.session.engagement.closed.v1", closed.get(0).value()));
        assertEquals(0, EmbeddedPostgres.shared().count("select count(*) from review where what_changed like '%Calmer%'"));
    }
}

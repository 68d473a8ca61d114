package org.praxis.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh tenant with a person in every role, so a test reads as "this role in this tenant may / may
 * not": {@code as(t.coach).get(...)}, {@code t.asRole("sponsor")}, {@code as(TestTenant.another().admin)}.
 * A service's own fixture (an engagement, a practitioner with a supervisor...) extends it.
 */
public class TestTenant {
    public final String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
    public final Tokens admin = user("admin");
    public final Tokens coach = user("coach");
    public final Tokens otherCoach = user("coach");
    public final Tokens supervisor = user("supervisor");
    public final Tokens otherSupervisor = user("supervisor");
    public final Tokens client = user("client");
    public final Tokens otherClient = user("client");
    public final Tokens sponsor = user("sponsor");

    /** Another fresh tenant, whose people must see nothing of this one's. */
    public static TestTenant another() {
        return new TestTenant();
    }

    /**
     * This tenant's supervisor supervises its coach, as assessment-service says it (practitioner.supervisor-changed,
     * put on the topic and awaited in the service's replica): in the services that keep who supervises whom, a
     * supervisor reaches a coach's clients only then.
     */
    public void supervisorSupervisesCoach() {
        SupervisionEvents.assign(id, coach.subject(), supervisor.subject());
    }

    /** A new person of this tenant with {@code roles}. */
    public Tokens user(String... roles) {
        return Tokens.anyone().tenant(id).roles(roles);
    }

    /** {@code subject} of this tenant with {@code roles}: for tests where one person plays several roles. */
    public Tokens person(String subject, String... roles) {
        return Tokens.of(subject).tenant(id).roles(roles);
    }

    /** A JSON request made by {@code who}. */
    public static RequestSpecification as(Tokens who) {
        return given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    }

    /** A JSON request made by a new person of this tenant in {@code role}. */
    public RequestSpecification asRole(String role) {
        return as(user(role));
    }

    /** Records an export request for {@code subject} as this tenant's admin (no second admin needed) and returns its id. */
    public String exportRequest(String subject) {
        return exportRequest(admin, subject);
    }

    /** Records an export request for {@code subject} as {@code admin} and returns its id. */
    public static String exportRequest(Tokens admin, String subject) {
        return as(admin)
                .body(Map.of(
                        "subject",
                        subject,
                        "reason",
                        "The person asked for a copy of their records",
                        "reference",
                        "DSAR-test"))
                .when()
                .post("/v1/export-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** {@code GET /v1/subjects/{subject}/export} as {@code who}, on the export request {@code request} unless null. */
    public static ValidatableResponse export(Tokens who, String subject, String request) {
        RequestSpecification spec = as(who);
        if (request != null) {
            spec = spec.queryParam("request", request);
        }
        return spec.when().get("/v1/subjects/" + subject + "/export").then();
    }

    /** A JSON request made by {@code subject} of this tenant in {@code role}. */
    public RequestSpecification as(String subject, String role) {
        return as(person(subject, role));
    }
}

package org.praxis.assessment.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.assessment.AssessmentTenant;
import org.praxis.testsupport.PagedLists;
import org.praxis.testsupport.Tokens;

/**
 * Issue 17: every list that grows pages like the others ({@code limit}, {@code cursor}, {@code items},
 * {@code nextCursor}), filtered as single reads are; completing a development action is audited.
 */
@QuarkusTest
class PagedListsApiTest {
    private final AssessmentTenant t = new AssessmentTenant();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void supervisedCoach() {
        t.supervised();
    }

    private String path(String rest) {
        return "/v1/practitioners/" + t.coach.subject() + rest;
    }

    /** Every id of a list, page by page ({@code limit} each); asserts each page but the last is full. */
    private List<String> pages(Tokens who, String list, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(who).when()
                    .get(list + (list.contains("?") ? "&" : "?") + "limit=" + limit
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            List<String> items = page.path("items.id");
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertEquals(limit, items.size(), "a page before the last is full");
            }
            ids.addAll(items);
        } while (cursor != null && ids.size() < 50);
        return ids;
    }

    /** Who else reaches a practitioner's list: nobody but them and their supervisor, and never across tenants. */
    private void onlyThePractitionerAndTheirSupervisor(String list) {
        as(t.supervisor).when().get(list).then().statusCode(200);
        as(t.otherCoach).when().get(list).then().statusCode(404);
        as(t.otherSupervisor).when().get(list).then().statusCode(404);
        for (Tokens denied : List.of(t.client, t.sponsor, t.admin)) {
            as(denied).when().get(list).then().statusCode(403);
        }
        AssessmentTenant other = new AssessmentTenant();
        as(other.supervisor).when().get(list).then().statusCode(404);
        as(Tokens.of(t.coach.subject()).tenant(other.id).roles("coach"))
                .when()
                .get(list)
                .then()
                .statusCode(404);
        for (int limit : List.of(0, 101)) {
            as(t.coach)
                    .when()
                    .get(list + "?limit=" + limit)
                    .then()
                    .statusCode(422)
                    .body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void supervisionSessionsPageAndEveryPageCarriesTheTotalsOfThePeriod() {
        Set<String> recorded = new HashSet<>();
        for (int minutes : List.of(60, 30, 45)) {
            recorded.add(as(t.coach)
                    .body(Map.of("heldOn", today, "durationMinutes", minutes))
                    .when()
                    .post(path("/supervision-sessions"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        String bySupervisor = as(t.supervisor)
                .body(Map.of("heldOn", LocalDate.parse(today).minusDays(1).toString(), "durationMinutes", 15))
                .when()
                .post(path("/supervision-sessions"))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        recorded.add(bySupervisor);

        List<String> seen = pages(t.coach, path("/supervision-sessions"), 3);
        assertEquals(4, seen.size(), "each session once: " + seen);
        assertEquals(recorded, Set.copyOf(seen));
        assertEquals(bySupervisor, seen.get(0), "newest recorded first");
        String cursor = as(t.coach)
                .when()
                .get(path("/supervision-sessions?limit=1"))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("totalMinutes", is(150))
                .body("verifiedMinutes", is(15))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        as(t.coach)
                .when()
                .get(path("/supervision-sessions?limit=1&cursor=" + cursor))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("totalMinutes", is(150))
                .body("totalHours", is(2.5f));
        as(t.supervisor)
                .when()
                .get(path("/supervision-sessions?limit=10"))
                .then()
                .body("items", hasSize(4))
                .body("nextCursor", nullValue());
        onlyThePractitionerAndTheirSupervisor(path("/supervision-sessions"));
    }

    @Test
    void developmentActionsPageAndCompletingOneIsAuditedOnce() {
        List<String> added = new ArrayList<>();
        for (Tokens who : List.of(t.coach, t.coach, t.supervisor)) {
            added.add(as(who).body(Map.of(
                            "competenceCode",
                            "D1.A1.1.1",
                            "action",
                            "Read the ethics code with my supervisor",
                            "dueOn",
                            today))
                    .when()
                    .post(path("/development-actions"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        List<String> seen = pages(t.coach, path("/development-actions"), 2);
        assertEquals(List.of(added.get(2), added.get(1), added.get(0)), seen, "each once, newest first");

        String done = added.get(0);
        as(t.otherSupervisor)
                .when()
                .post(path("/development-actions/" + done + "/completion"))
                .then()
                .statusCode(404);
        as(t.coach)
                .when()
                .post(path("/development-actions/" + done + "/completion"))
                .then()
                .statusCode(200)
                .body("doneAt", notNullValue())
                .body("overdue", is(false));
        as(t.supervisor)
                .when()
                .post(path("/development-actions/" + done + "/completion"))
                .then()
                .statusCode(409);
        as(t.supervisor)
                .when()
                .get(path("/development-actions?done=true"))
                .then()
                .body("items.id", contains(done));
        as(t.coach)
                .when()
                .get(path("/development-actions?done=false"))
                .then()
                .body("items.id", contains(added.get(2), added.get(1)));

        as(t.admin)
                .when()
                .get("/v1/audit-events?resourceType=development-action&resourceId=" + done)
                .then()
                .statusCode(200)
                .body("items.findAll { it.action == 'complete' }", hasSize(1))
                .body("items.find { it.action == 'complete' }.actor", is(t.coach.subject()))
                .body("items.action", hasItem("create"));
        onlyThePractitionerAndTheirSupervisor(path("/development-actions"));
    }

    @Test
    void evidencePagesCarryEachEntrysAttachments() {
        for (int i = 0; i < 3; i++) {
            as(t.coach)
                    .body(Map.of(
                            "kind",
                            "cpd",
                            "occurredOn",
                            today,
                            "attachments",
                            List.of(
                                    Map.of("url", "https://files.example/cpd-" + i + ".pdf"),
                                    Map.of("url", "https://files.example/notes-" + i + ".pdf"))))
                    .when()
                    .post(path("/evidence"))
                    .then()
                    .statusCode(201);
        }
        as(t.coach)
                .when()
                .get(path("/evidence?limit=2"))
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body(
                        "items[0].attachments.url",
                        contains("https://files.example/cpd-2.pdf", "https://files.example/notes-2.pdf"))
                .body(
                        "items[1].attachments.url",
                        contains("https://files.example/cpd-1.pdf", "https://files.example/notes-1.pdf"));
        assertEquals(3, pages(t.supervisor, path("/evidence"), 2).size());
        onlyThePractitionerAndTheirSupervisor(path("/evidence"));
    }

    @Test
    void assessmentsPage() {
        String first = t.openAssessment();
        t.complete(first, "D1.A1.1.1"); // one cycle is open at a time
        String second = t.openAssessment();
        assertEquals(List.of(second, first), pages(t.supervisor, path("/assessments"), 1));
        onlyThePractitionerAndTheirSupervisor(path("/assessments"));
    }

    @Test
    void aPageOfProfilesFetchesTheirRegistrationsInOneQuery() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Tokens practitioner = t.user("coach");
            as(practitioner)
                    .body(Map.of("displayName", "Practitioner " + i))
                    .when()
                    .post("/v1/practitioners")
                    .then()
                    .statusCode(201);
            as(practitioner)
                    .body(Map.of(
                            "kind", "coaching-body", "body", "EMCC", "number", "M-" + i, "expiresOn", "2099-01-01"))
                    .when()
                    .post("/v1/practitioners/" + practitioner.subject() + "/registrations")
                    .then()
                    .statusCode(201);
            subjects.add(practitioner.subject());
        }
        long forTwo = statementsListing(2);
        long forAll = statementsListing(100);
        // A query per profile would add ten between a page of 2 and a page of 13.
        assertEquals(forTwo, forAll, "the same statements for a page of 2 profiles as for 13");
        assertTrue(forAll <= 3, forAll + " statements for a page of 13 profiles");
        var page = as(t.admin)
                .when()
                .get("/v1/practitioners?limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String subject : subjects) {
            assertEquals(
                    List.of("M-" + subjects.indexOf(subject)),
                    page.getList("items.find { it.id == '" + subject + "' }.registrations.number"),
                    "each profile its own");
        }
    }

    /**
     * Issue 18: every list pages but the framework catalogue (the built-in framework and at most
     * {@code Frameworks.MAX_FRAMEWORKS} imported ones) and the newest dead letters (read back from Kafka).
     * The supervision log is no {@code Page} but pages too ({@link #supervisionSessionsPageAndEveryPageCarriesTheTotalsOfThePeriod}).
     */
    @Test
    void everyListPagesButTheCatalogueAndTheDeadLetters() throws Exception {
        PagedLists.assertEveryListPagesBut(Set.of("listFrameworks", "listDeadLetters"));
    }

    private long statementsListing(int limit) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            as(t.admin)
                    .when()
                    .get("/v1/practitioners?limit=" + limit)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(Math.min(limit, 13)));
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }
}

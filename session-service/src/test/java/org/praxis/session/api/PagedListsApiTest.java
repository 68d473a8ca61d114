package org.praxis.session.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.PagedLists;
import org.praxis.testsupport.SupervisionEvents;
import org.praxis.testsupport.TestTenant;
import org.praxis.testsupport.Tokens;

/**
 * Issue 17: every list of an engagement pages like the other lists ({@code ?limit=&cursor=} →
 * {@code {items, nextCursor}}), in a stable keyset order, to exactly the callers who read its items.
 */
@QuarkusTest
class PagedListsApiTest {
    private final TestTenant t = new TestTenant();
    private final Tokens stranger = TestTenant.another().user("coach", "client", "supervisor");

    private String active(Tokens client) {
        String id = as(t.coach)
                .body(Map.of("clientSubject", client.subject(), "pathway", "coaching"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        propose(id, client);
        as(client)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        as(t.coach)
                .when()
                .post("/v1/engagements/" + id + "/contracts/1/acceptance")
                .then()
                .statusCode(200);
        return id;
    }

    private int propose(String id, Tokens client) {
        return as(t.coach)
                .body(Map.of(
                        "purpose",
                        "Clarity",
                        "reviewEveryWeeks",
                        4,
                        "parties",
                        List.of(
                                Map.of("role", "client", "subject", client.subject(), "required", true),
                                Map.of("role", "coach", "subject", t.coach.subject(), "required", true))))
                .when()
                .post("/v1/engagements/" + id + "/contracts")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    private String post(Tokens who, String path, Map<String, Object> body) {
        return as(who).body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Walks every page of {@code path} with {@code limit}, checking each page's size; the values of {@code field} in order. */
    private List<Object> walk(Tokens who, String path, int limit, String field) {
        List<Object> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(who).queryParam("limit", limit);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.when().get(path).then().statusCode(200).extract().jsonPath();
            List<Object> items = page.getList("items." + field);
            cursor = page.getString("nextCursor");
            assertTrue(items.size() <= limit, path + " gave " + items.size() + " items for limit " + limit);
            assertTrue(cursor == null || items.size() == limit, "a page with a next one is full");
            all.addAll(items);
            assertTrue(++pages <= 50, "paging ends");
        } while (cursor != null);
        return all;
    }

    @Test
    void goalsAndTheirRatingsPageNewestFirstWithTheLatestRatingsInline() {
        String id = active(t.client);
        String base = "/v1/engagements/" + id;
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            goals.add(post(
                    t.client,
                    base + "/goals",
                    Map.of(
                            "title",
                            "Goal " + i,
                            "horizon",
                            "proximal",
                            "orientation",
                            "learning",
                            "direction",
                            "approach",
                            "selfConcordant",
                            true)));
        }
        assertEquals(List.of(goals.get(2), goals.get(1), goals.get(0)), walk(t.coach, base + "/goals", 2, "id"));
        assertEquals(walk(t.coach, base + "/goals", 100, "id"), walk(t.client, base + "/goals", 1, "id"));

        String goal = goals.get(0);
        for (int day = 1; day <= 12; day++) {
            as(t.client)
                    .body(Map.of("rating", day % 11, "ratedOn", "2026-11-" + String.format("%02d", day)))
                    .when()
                    .post(base + "/goals/" + goal + "/progress")
                    .then()
                    .statusCode(201);
        }
        // The list shows the latest ten ratings in date order; the history pages every one, newest first.
        List<Object> recent = as(t.coach)
                .when()
                .get(base + "/goals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.find { it.id == '" + goal + "' }.progress.ratedOn");
        assertEquals(10, recent.size());
        assertEquals("2026-11-03", recent.get(0));
        assertEquals("2026-11-12", recent.get(9));
        List<Object> history = walk(t.client, base + "/goals/" + goal + "/progress", 5, "ratedOn");
        assertEquals(12, history.size());
        assertEquals("2026-11-12", history.get(0));
        assertEquals("2026-11-01", history.get(11));

        mayList(base + "/goals");
        mayList(base + "/goals/" + goal + "/progress");
        as(t.client)
                .when()
                .get(base + "/goals/" + UUID.randomUUID() + "/progress")
                .then()
                .statusCode(404);
    }

    @Test
    void actionsPageSoonestDueFirstWithUndatedOnesLast() {
        String id = active(t.client);
        String base = "/v1/engagements/" + id;
        String later = post(t.coach, base + "/actions", Map.of("title", "Later", "dueDate", "2026-12-03"));
        String sooner = post(t.coach, base + "/actions", Map.of("title", "Sooner", "dueDate", "2026-12-01"));
        String undated = post(t.client, base + "/actions", Map.of("title", "Some day"));
        String undatedToo = post(t.client, base + "/actions", Map.of("title", "Some other day"));
        List<Object> order = walk(t.coach, base + "/actions", 1, "id");
        assertEquals(List.of(sooner, later), order.subList(0, 2));
        assertEquals(Set.of(undated, undatedToo), Set.copyOf(order.subList(2, 4)));
        assertEquals(order, walk(t.client, base + "/actions", 3, "id"));

        // The client's own open actions, across engagements, page the same way.
        String second = active(t.client);
        String elsewhere = post(
                t.coach,
                "/v1/engagements/" + second + "/actions",
                Map.of("title", "Elsewhere", "dueDate", "2026-12-02"));
        as(t.client)
                .body(Map.of("done", true))
                .when()
                .post(base + "/actions/" + later + "/done")
                .then()
                .statusCode(200);
        List<Object> mine = walk(t.client, "/v1/me/actions", 1, "id");
        assertEquals(List.of(sooner, elsewhere), mine.subList(0, 2));
        assertEquals(4, mine.size());
        assertEquals(List.of(), walk(t.otherClient, "/v1/me/actions", 10, "id"));
        as(t.coach).when().get("/v1/me/actions").then().statusCode(403);

        mayList(base + "/actions");
    }

    @Test
    void notesSessionsAndReviewsPageNewestFirst() {
        String id = active(t.client);
        String base = "/v1/engagements/" + id;
        List<String> shared = new ArrayList<>();
        String privateNote = post(t.coach, base + "/notes", Map.of("kind", "private", "body", "Mine alone"));
        for (int i = 0; i < 3; i++) {
            shared.add(post(t.coach, base + "/notes", Map.of("kind", "shared", "body", "Summary " + i)));
        }
        assertEquals(
                List.of(shared.get(2), shared.get(1), shared.get(0), privateNote),
                walk(t.coach, base + "/notes", 3, "id"));
        // The client pages through the shared summaries only.
        assertEquals(List.of(shared.get(2), shared.get(1), shared.get(0)), walk(t.client, base + "/notes", 2, "id"));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String inThreeDays = scheduleAt(base, now.plus(3, ChronoUnit.DAYS));
        String tomorrow = scheduleAt(base, now.plus(1, ChronoUnit.DAYS));
        String inTwoDays = scheduleAt(base, now.plus(2, ChronoUnit.DAYS));
        assertEquals(List.of(inThreeDays, inTwoDays, tomorrow), walk(t.client, base + "/sessions", 2, "id"));

        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            reviews.add(post(t.coach, base + "/reviews", Map.of("kind", "periodic", "whatChanged", "Step " + i)));
        }
        assertEquals(
                List.of(reviews.get(2), reviews.get(1), reviews.get(0)), walk(t.client, base + "/reviews", 2, "id"));

        mayList(base + "/notes");
        mayList(base + "/sessions");
        mayList(base + "/reviews");
    }

    private String scheduleAt(String base, Instant at) {
        return post(
                t.coach,
                base + "/sessions",
                Map.of("scheduledAt", at.toString(), "durationMinutes", 50, "mode", "video"));
    }

    @Test
    void contractVersionsAndTheClientsEngagementsPageNewestFirst() {
        String id = active(t.client);
        propose(id, t.client);
        propose(id, t.client);
        assertEquals(List.of(3, 2, 1), walk(t.client, "/v1/engagements/" + id + "/contracts", 2, "number"));
        assertEquals(List.of(3, 2, 1), walk(t.coach, "/v1/engagements/" + id + "/contracts", 1, "number"));
        mayList("/v1/engagements/" + id + "/contracts");

        String second = active(t.client);
        String third = active(t.client);
        assertEquals(List.of(third, second, id), walk(t.client, "/v1/me/engagements", 2, "id"));
        assertEquals(List.of(), walk(t.otherClient, "/v1/me/engagements", 2, "id"));
        as(t.coach).when().get("/v1/me/engagements").then().statusCode(403);
    }

    /** Issue 18: every list pages but the newest dead letters (read back from Kafka, not kept in a table). */
    @Test
    void everyListPagesButTheDeadLetters() throws Exception {
        PagedLists.assertEveryListPagesBut(Set.of("listDeadLetters"));
    }

    /**
     * Issue 18: {@code /v1/me/engagements} once returned the look-ahead row with the page (101 items for
     * {@code limit=100}); the platform's page is trimmed, whoever calls it.
     */
    @Test
    void theClientsEngagementsPageTrimmedToTheLimit() {
        Set<Object> made = new HashSet<>();
        for (int i = 0; i < 101; i++) {
            made.add(post(
                    t.coach, "/v1/engagements", Map.of("clientSubject", t.client.subject(), "pathway", "coaching")));
        }
        JsonPath first = as(t.client)
                .queryParam("limit", 100)
                .when()
                .get("/v1/me/engagements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(100, first.getList("items").size());
        assertNotNull(first.getString("nextCursor"));
        JsonPath last = as(t.client)
                .queryParam("limit", 100)
                .queryParam("cursor", first.getString("nextCursor"))
                .when()
                .get("/v1/me/engagements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, last.getList("items").size());
        assertNull(last.getString("nextCursor"));
        JsonPath byDefault = as(t.client)
                .when()
                .get("/v1/me/engagements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(20, byDefault.getList("items").size());
        assertNotNull(byDefault.getString("nextCursor"));
        assertEquals(made, Set.copyOf(walk(t.client, "/v1/me/engagements", 100, "id")));
    }

    @Test
    void dueReviewsPageMostOverdueFirstToThePractitionerAndTheirSupervisor() {
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            due.add(active(t.client));
        }
        String notYet = active(t.client);
        // Overdue by 3, 2 and 2 days; the last two are ordered by id.
        setDue(due.get(0), 3);
        setDue(due.get(1), 2);
        setDue(due.get(2), 2);
        List<Object> twoDays =
                due.subList(1, 3).stream().sorted().map(Object.class::cast).toList();
        List<Object> expected = new ArrayList<>(List.of(due.get(0)));
        expected.addAll(twoDays);

        assertEquals(expected, walk(t.coach, "/v1/reviews?due=true", 1, "engagementId"));
        assertEquals(expected, walk(t.coach, "/v1/reviews?due=true", 2, "engagementId"));
        assertTrue(!walk(t.coach, "/v1/reviews?due=true", 100, "engagementId").contains(notYet));
        assertEquals(List.of(), walk(t.otherCoach, "/v1/reviews?due=true", 10, "engagementId"));
        assertEquals(List.of(), walk(t.supervisor, "/v1/reviews?due=true", 10, "engagementId"));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        assertEquals(expected, walk(t.supervisor, "/v1/reviews?due=true", 2, "engagementId"));
        assertEquals(List.of(), walk(stranger, "/v1/reviews?due=true", 10, "engagementId"));
        as(t.client).queryParam("due", true).when().get("/v1/reviews").then().statusCode(403);
        limitsAndCursorsAreChecked("/v1/reviews?due=true", t.coach);
    }

    private static void setDue(String engagement, int daysOverdue) {
        EmbeddedPostgres.shared()
                .execute("update engagement set review_due_on = current_date - " + daysOverdue + " where id = '"
                        + engagement + "'");
    }

    /**
     * The engagement's client, practitioner and (once assigned) their supervisor list it; another coach
     * or client of the tenant, and anyone of another tenant, get 404; a sponsor gets 403 (404 for contract
     * versions, which a sponsor lists when named).
     */
    private void mayList(String path) {
        as(t.client).when().get(path).then().statusCode(200);
        as(t.coach).when().get(path).then().statusCode(200);
        as(t.otherCoach).when().get(path).then().statusCode(404);
        as(t.otherClient).when().get(path).then().statusCode(404);
        as(stranger).when().get(path).then().statusCode(404);
        as(t.supervisor).when().get(path).then().statusCode(404);
        // A sponsor may list the contract versions naming them: of this engagement there are none.
        as(t.sponsor).when().get(path).then().statusCode(path.endsWith("/contracts") ? 404 : 403);
        limitsAndCursorsAreChecked(path, t.coach);
    }

    private static void limitsAndCursorsAreChecked(String path, Tokens who) {
        as(who).queryParam("limit", 0).when().get(path).then().statusCode(422);
        as(who).queryParam("limit", 101).when().get(path).then().statusCode(422);
        as(who).queryParam("cursor", "not-a-cursor").when().get(path).then().statusCode(400);
    }

    @Test
    void aSupervisorPagesTheListsOfTheirSuperviseesEngagements() {
        String id = active(t.client);
        String base = "/v1/engagements/" + id;
        post(t.coach, base + "/notes", Map.of("kind", "shared", "body", "Shared"));
        post(t.coach, base + "/notes", Map.of("kind", "private", "body", "Private"));
        post(
                t.client,
                base + "/goals",
                Map.of(
                        "title",
                        "Goal",
                        "horizon",
                        "distal",
                        "orientation",
                        "learning",
                        "direction",
                        "approach",
                        "selfConcordant",
                        false));
        post(t.coach, base + "/actions", Map.of("title", "Act"));
        post(t.coach, base + "/reviews", Map.of("kind", "periodic"));
        SupervisionEvents.assign(t.id, t.coach.subject(), t.supervisor.subject());
        assertEquals(1, walk(t.supervisor, base + "/notes", 1, "id").size(), "shared summaries only");
        assertEquals(1, walk(t.supervisor, base + "/goals", 1, "id").size());
        assertEquals(1, walk(t.supervisor, base + "/actions", 1, "id").size());
        assertEquals(1, walk(t.supervisor, base + "/reviews", 1, "id").size());
        assertEquals(List.of(), walk(t.supervisor, base + "/sessions", 1, "id"));
        assertEquals(List.of(1), walk(t.supervisor, base + "/contracts", 1, "number"));
        assertNull(as(t.supervisor).when().get(base + "/goals").then().extract().path("nextCursor"));
    }
}

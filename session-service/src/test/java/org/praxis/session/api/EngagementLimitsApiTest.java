package org.praxis.session.api;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.session.ActiveEngagements;
import org.praxis.session.EngagementRows;
import org.praxis.session.domain.EngagementLimits;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.TestTenant;

/**
 * Notes, progress summaries, periodic reviews, handover offers and client requests are made at will and each is listed, exported
 * and erased with the engagement: one engagement holds a bounded number (409 past it, nothing written).
 * GoalApiTest bounds goals, ratings, actions and contract versions the same way.
 */
@QuarkusTest
class EngagementLimitsApiTest {
    private static final String PROBLEM = "application/problem+json";

    private final TestTenant t = new TestTenant();

    private static long count(String table, String engagement) {
        return EmbeddedPostgres.shared()
                .count("select count(*) from " + table + " where engagement_id = ?::uuid", engagement);
    }

    /** Made by the engagement's coach. */
    private void created(String path, Map<String, Object> body) {
        as(t.coach).body(body).when().post(path).then().statusCode(201);
    }

    private void refused(String path, Map<String, Object> body, int max) {
        as(t.coach)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("at most " + max));
    }

    @Test
    void notesSummariesPeriodicReviewsAndHandoverOffersAreBounded() {
        String id = ActiveEngagements.open(t);
        String base = "/v1/engagements/" + id;

        Map<String, Object> note = Map.of("kind", "private", "body", "Came back to the team question.");
        created(base + "/notes", note);
        EngagementRows.copies("session_note", "engagement_id", id, EngagementLimits.NOTES - 1, "");
        refused(base + "/notes", note, EngagementLimits.NOTES);
        assertEquals(EngagementLimits.NOTES, count("session_note", id));

        Map<String, Object> summary = Map.of("body", "Attends, works on delegation.");
        created(base + "/progress-summaries", summary);
        EngagementRows.copies("progress_summary", "engagement_id", id, EngagementLimits.PROGRESS_SUMMARIES - 1, "");
        refused(base + "/progress-summaries", summary, EngagementLimits.PROGRESS_SUMMARIES);
        assertEquals(EngagementLimits.PROGRESS_SUMMARIES, count("progress_summary", id));

        Map<String, Object> handover =
                Map.of("toPractitionerId", t.otherCoach.subject(), "reason", "fit", "note", "Better fit");
        created(base + "/handovers", handover);
        // The offers before were declined, so none is open: only the ceiling refuses the next one.
        EmbeddedPostgres.shared().execute("update handover set status = 'declined' where engagement_id = '" + id + "'");
        EngagementRows.copies("handover", "engagement_id", id, EngagementLimits.HANDOVERS - 1, "");
        refused(base + "/handovers", handover, EngagementLimits.HANDOVERS);
        assertEquals(EngagementLimits.HANDOVERS, count("handover", id));

        Map<String, Object> request = Map.of("kind", "pause", "reason", "A busy quarter");
        as(t.client).body(request).when().post(base + "/client-requests").then().statusCode(201);
        // Decided ones: none is open, so only the ceiling refuses the next one.
        EmbeddedPostgres.shared()
                .execute("update client_request set status = 'declined' where engagement_id = '" + id + "'");
        EngagementRows.copies("client_request", "engagement_id", id, EngagementLimits.CLIENT_REQUESTS - 1, "");
        as(t.client)
                .body(request)
                .when()
                .post(base + "/client-requests")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("detail", containsString("at most " + EngagementLimits.CLIENT_REQUESTS));
        assertEquals(EngagementLimits.CLIENT_REQUESTS, count("client_request", id));

        Map<String, Object> periodic = Map.of("kind", "periodic");
        created(base + "/reviews", periodic);
        EngagementRows.copies("review", "engagement_id", id, EngagementLimits.REVIEWS - 1, "");
        refused(base + "/reviews", periodic, EngagementLimits.REVIEWS);
        assertEquals(EngagementLimits.REVIEWS, count("review", id));
        // The end review is always taken: it closes the engagement.
        created(base + "/reviews", Map.of("kind", "end"));
        as(t.client).when().get(base).then().statusCode(200).body("status", org.hamcrest.Matchers.is("closed"));
    }
}

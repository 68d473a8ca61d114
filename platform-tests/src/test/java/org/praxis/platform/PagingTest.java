package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/** Keyset pages through TenantQueries: trimmed to the limit, a cursor only when more follow, each row once. */
@QuarkusTest
class PagingTest {
    private static final String PROBLEM = "application/problem+json";
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String coach = Tokens.anyone().tenant(tenant).roles("coach").bearer();

    /** Rows with ties on the time and on the date (and some undated), so the id must break them. */
    private void gizmos(int count) throws SQLException {
        try (Connection c = Db.connection();
                PreparedStatement insert =
                        c.prepareStatement("insert into gizmo (id, tenant_id, made_at, due_on) values (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, tenant);
                insert.setTimestamp(3, Timestamp.from(T.plusSeconds(i / 2)));
                insert.setDate(
                        4,
                        i % 3 == 0
                                ? null
                                : Date.valueOf(LocalDate.of(2026, 4, 1).plusDays(i % 4)));
                insert.executeUpdate();
            }
        }
    }

    private List<String> inDatabaseOrder(String orderBy) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = Db.connection();
                PreparedStatement select =
                        c.prepareStatement("select id from gizmo where tenant_id = ? order by " + orderBy)) {
            select.setString(1, tenant);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private JsonPath page(String path, int limit, String cursor) {
        var request = given().header("Authorization", coach).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.when().get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Walks every page, checking each holds the limit but the last, which alone has no cursor. */
    private List<String> walk(String path, int limit, List<Integer> sizes) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = page(path, limit, cursor);
            List<String> items = page.getList("items.id");
            sizes.add(items.size());
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void pagesNewestFirstEachRowOnceTrimmedToTheLimit() throws SQLException {
        gizmos(7);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(inDatabaseOrder("made_at desc, id desc"), walk("/test/gizmos", 3, sizes));
        assertEquals(List.of(3, 3, 1), sizes);
    }

    @Test
    void pagesSoonestDueFirstWithUndatedLast() throws SQLException {
        gizmos(8);
        List<Integer> sizes = new ArrayList<>();
        assertEquals(inDatabaseOrder("due_on asc nulls last, id asc"), walk("/test/gizmos/by-due-date", 3, sizes));
        assertEquals(List.of(3, 3, 2), sizes);
    }

    @Test
    void aCursorOnlyWhenMoreFollow() throws SQLException {
        gizmos(4);
        JsonPath exactlyFull = page("/test/gizmos", 4, null);
        assertEquals(4, exactlyFull.getList("items").size());
        assertNull(exactlyFull.getString("nextCursor"), "no next page when the rows fill this one exactly");
        JsonPath first = page("/test/gizmos", 3, null);
        assertEquals(3, first.getList("items").size(), "the extra row fetched to look ahead is not returned");
        assertNotNull(first.getString("nextCursor"));
        given().header("Authorization", coach)
                .when()
                .get("/test/gizmos")
                .then()
                .statusCode(200)
                .body("items.size()", is(4))
                .body("nextCursor", nullValue());
    }

    @Test
    void aBadCursorOrLimitIsAProblem() {
        given().header("Authorization", coach)
                .queryParam("cursor", "not-one-of-ours")
                .when()
                .get("/test/gizmos")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().header("Authorization", coach)
                .queryParam("cursor", "x".repeat(201))
                .when()
                .get("/test/gizmos")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        for (int limit : new int[] {0, 101}) {
            given().header("Authorization", coach)
                    .queryParam("limit", limit)
                    .when()
                    .get("/test/gizmos/by-due-date")
                    .then()
                    .statusCode(422)
                    .contentType(PROBLEM)
                    .body("errors[0].field", is("limit"));
        }
    }
}

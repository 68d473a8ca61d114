package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.Tokens;

/** problem+json, Idempotency-Key and If-Match as a service's resources use them. */
@QuarkusTest
class WebConventionsTest {
    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    private final String coach = Tokens.anyone().tenant(tenant).roles("coach").bearer();

    private long widgets() {
        return Db.count("select count(*) from widget where tenant_id = ?", tenant);
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", is(400));
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"x\", \"size\": \"big\"}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("detail", containsString("size"));
        assertEquals(0, widgets());
    }

    @Test
    void invalidFieldsAre422WithEachField() {
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"size\": 11}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("name", "size"));
        assertEquals(0, widgets());
    }

    @Test
    void unexpectedFailureIs500WithAnErrorIdAndNoInternals() {
        given().when()
                .get("/test/widgets/boom")
                .then()
                .statusCode(500)
                .contentType(PROBLEM)
                .body("errorId", notNullValue())
                .body(not(containsString("secret_column")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void sameKeyAndBodyReturnTheFirstResultAndCreateOnce() {
        String body = "{\"name\": \"first\", \"size\": 3}";
        String first = given().header("Authorization", coach)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", coach)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201)
                .header("Location", containsString(first))
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));
        assertEquals(1, widgets());
        assertEquals(
                1, Db.count("select count(*) from outbox_event where tenant_id = ?", tenant), "one event, not two");

        given().header("Authorization", coach)
                .header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON)
                .body("{\"name\": \"other\", \"size\": 3}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("Idempotency-Key"));
        assertEquals(1, widgets());
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", coach)
                        .header("Idempotency-Key", "race")
                        .contentType(ContentType.JSON)
                        .body("{\"name\": \"race\", \"size\": 1}")
                        .when()
                        .post("/test/widgets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .<String>path("id")));
            }
            var ids = new HashSet<String>();
            for (Future<String> f : answers) {
                ids.add(f.get());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, widgets());
    }

    private io.restassured.response.ValidatableResponse create(String key, String name) {
        return given().header("Authorization", coach)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"size\": 1}")
                .when()
                .post("/test/widgets")
                .then();
    }

    @Test
    void aFailedCreateLeavesTheKeyFree() {
        create("k-taken-1", "unique-a").statusCode(201);
        create("k-fails", "unique-a").statusCode(409).contentType(PROBLEM);
        // Nothing was recorded for the key: another body with it is a new create, not a 422.
        create("k-fails", "unique-b").statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2, widgets());
    }

    @Test
    void aRepeatWhoseCreateWouldNowFailStillGetsTheFirstAnswer() {
        String first = create("k-repeat", "unique-c").statusCode(201).extract().path("id");
        // The widget exists now, so running the create again would be refused; the repeat is answered as the first.
        create("k-repeat", "unique-c")
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));
        create("k-repeat", "unique-d").statusCode(422).contentType(PROBLEM);
        assertEquals(1, widgets());
        assertEquals(1, Db.count("select count(*) from outbox_event where tenant_id = ?", tenant));
    }

    @Test
    void aRepeatAnsweredFromTheRecordKeepsNothingItsFailedCreateWrote() {
        String first = create("k-half", "half-a").statusCode(201).extract().path("id");
        // The repeat's create writes a row and then fails; the answer is the first one and the row is gone.
        create("k-half", "half-a")
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));
        assertEquals(1, widgets());
        assertEquals(1, Db.count("select count(*) from outbox_event where tenant_id = ?", tenant));
    }

    @Test
    void changesNeedTheCurrentETag() {
        String id = given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"v1\", \"size\": 1}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String rename = "{\"name\": \"v2\", \"size\": 1}";
        given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body(rename)
                .when()
                .put("/test/widgets/" + id)
                .then()
                .statusCode(428)
                .contentType(PROBLEM);
        given().header("Authorization", coach)
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body(rename)
                .when()
                .put("/test/widgets/" + id)
                .then()
                .statusCode(412)
                .contentType(PROBLEM);
        given().header("Authorization", coach)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(rename)
                .when()
                .put("/test/widgets/" + id)
                .then()
                .statusCode(200)
                .body("version", is(2));
        // The same ETag again is now stale.
        given().header("Authorization", coach)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(rename)
                .when()
                .put("/test/widgets/" + id)
                .then()
                .statusCode(412);
    }

    @Test
    void anotherTenantsIdIsNotFound() {
        String id = given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"mine\", \"size\": 1}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String stranger =
                Tokens.anyone().tenant("other-" + tenant).roles("coach").bearer();
        given().header("Authorization", stranger)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body("{\"name\": \"theirs\", \"size\": 1}")
                .when()
                .put("/test/widgets/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void creatingWritesAnAuditEventInTheSameTransaction() {
        String id = given().header("Authorization", coach)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"audited\", \"size\": 1}")
                .when()
                .post("/test/widgets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(
                1,
                Db.count(
                        "select count(*) from audit_event where tenant_id = ? and resource_id = ?"
                                + " and action = 'create' and resource_type = 'widget'",
                        tenant,
                        id));
    }
}

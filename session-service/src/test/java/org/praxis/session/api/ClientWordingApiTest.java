package org.praxis.session.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.praxis.testsupport.TestTenant.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TestTenant;

/** An engagement's client never reads its pathway code, in any view of it; its practitioner does. */
@QuarkusTest
class ClientWordingApiTest {
    private final TestTenant t = new TestTenant();

    @Test
    void theClientReadsNoPathwayCodeThePractitionerDoes() {
        String id = as(t.coach)
                .body(Map.of("clientSubject", t.client.subject(), "pathway", "coaching-with-monitoring"))
                .when()
                .post("/v1/engagements")
                .then()
                .statusCode(201)
                .body("pathway", is("coaching-with-monitoring"))
                .extract()
                .path("id");
        as(t.coach)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .body("pathway", is("coaching-with-monitoring"));
        as(t.coach)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.pathway", is("coaching-with-monitoring"));

        String one = as(t.client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("pathway", nullValue())
                .extract()
                .asString();
        String listed = as(t.client)
                .when()
                .get("/v1/engagements")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.pathway", nullValue())
                .extract()
                .asString();
        String mine = as(t.client)
                .when()
                .get("/v1/me/engagements")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '" + id + "' }.pathway", nullValue())
                .extract()
                .asString();
        for (String body : new String[] {one, listed, mine}) {
            org.hamcrest.MatcherAssert.assertThat(body, not(org.hamcrest.Matchers.containsString("monitoring")));
        }
        as(TestTenant.another().client)
                .when()
                .get("/v1/engagements/" + id)
                .then()
                .statusCode(404);
    }
}

package org.praxis.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * Readiness is the database: while it refuses connections a pod leaves its Service, liveness stays up (no
 * restart loop), and once it is back the pod is ready again without a restart. Shown once here, on the
 * platform's own configuration; each service's ServiceContract checks that its readiness is that database
 * check and nothing else, so the behaviour shown here is theirs too. The outage is made on the running
 * application (its database closed to connections, its pooled ones ended) rather than by starting it again
 * pointed nowhere: a second start of the application cost this module about 40 % of its CPU. Against a server
 * of your own ({@code praxis.test.postgres.url}) the test user must own the test database to close it.
 */
@QuarkusTest
class ReadinessWithoutDatabaseTest {

    @Test
    void readinessFollowsTheDatabaseWhileLivenessStaysUp() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        String database = databaseOf(EmbeddedPostgres.shared().jdbcUrl());
        try {
            onMaintenanceDatabase("alter database \"" + database + "\" allow_connections false");
            onMaintenanceDatabase("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid()");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> given().when()
                            .get("/q/health/ready")
                            .then()
                            .statusCode(503)
                            .body("status", is("DOWN"))
                            .body(
                                    "checks.findAll { it.status == 'DOWN' }.name",
                                    hasItem("Database connections health check")));
            given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        } finally {
            onMaintenanceDatabase("alter database \"" + database + "\" allow_connections true");
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", is("UP")));
    }

    private static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** template1: a database that takes connections while the application's does not. */
    private static void onMaintenanceDatabase(String sql) {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String url = pg.jdbcUrl().substring(0, pg.jdbcUrl().lastIndexOf('/') + 1) + "template1";
        try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

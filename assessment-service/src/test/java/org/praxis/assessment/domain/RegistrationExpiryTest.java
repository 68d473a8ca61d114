package org.praxis.assessment.domain;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.TopicProbe;

/** Two replicas sweeping at the same moment publish each expiry once. */
@QuarkusTest
class RegistrationExpiryTest {
    private static final String CHANGED = "org.praxis.assessment.eligibility.changed.v1";

    @Inject
    RegistrationExpiry expiry;

    @Inject
    DataSource dataSource;

    @Inject
    Eligibility eligibility;

    @Test
    void aSweepThatStartsWhileAnotherIsRunningSkipsAndTheExpiryIsPublishedOnce() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String practitioner = "p-" + UUID.randomUUID();
        LocalDate today = eligibility.today();
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Connection test = dataSource.getConnection()) {
            // Published as holding integrated practice, with no registration left to back it: the sweep takes it away.
            execute(
                    test,
                    "insert into practitioner_eligibility (tenant_id, practitioner_id, eligibilities, changed_at)"
                            + " values (?, ?, array['" + EligibilityRules.INTEGRATED_PRACTICE + "'], now())",
                    tenant,
                    practitioner);
            // Holding the row keeps the first sweep in the middle of its run, its job lock taken, for as long as the
            // test needs.
            test.setAutoCommit(false);
            execute(
                    test,
                    "select 1 from practitioner_eligibility where tenant_id = ? and practitioner_id = ? for update",
                    tenant,
                    practitioner);

            Future<Optional<Integer>> first = replicas.submit(() -> expiry.sweep(today));
            await().atMost(Duration.ofSeconds(30)).until(this::aSweepWaitsOnTheRow);
            Future<Optional<Integer>> second = replicas.submit(() -> expiry.sweep(today));
            // Without the job lock the second would recompute the same holder and wait on the same row.
            assertEquals(
                    Optional.empty(), second.get(10, TimeUnit.SECONDS), "the second sweep skips while the first runs");

            test.rollback();
            assertTrue(
                    first.get(30, TimeUnit.SECONDS).orElseThrow() >= 1,
                    "the first sweep took integrated practice away");
            assertTrue(expiry.sweep(today).isPresent(), "the lock is free again once the first sweep is done");
        } finally {
            replicas.shutdownNow();
        }
        List<ConsumerRecord<String, String>> published = TopicProbe.readPublished(
                "assessment.events", practitioner, r -> CHANGED.equals(TopicProbe.header(r, "ce_type")));
        assertEquals(1, published.size(), "one eligibility.changed for the one expiry");
        assertEquals(tenant, TopicProbe.header(published.get(0), "ce_tenant"));
    }

    /** Whether a session waits on a lock while writing an eligibility row (asked outside the test's transaction, which would see a snapshot). */
    private boolean aSweepWaitsOnTheRow() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and query like 'insert into practitioner_eligibility%'");
                ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    private static void execute(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.execute();
        }
    }
}

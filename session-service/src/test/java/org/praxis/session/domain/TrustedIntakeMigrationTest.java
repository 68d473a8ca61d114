package org.praxis.session.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * V17 on rows written before it: a completed referral from an engagement keeps that engagement's own intake,
 * one from no engagement none, the engagements after therapy follow, and client-request handovers lose the
 * decision note.
 */
class TrustedIntakeMigrationTest {
    private static final EmbeddedPostgres PG = EmbeddedPostgres.shared();

    @Test
    void rowsWrittenBeforeKeepOnlyATrustedIntakeAndNoDecisionNote() {
        String db = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PG.execute("create database " + db);
        String url = PG.jdbcUrl().substring(0, PG.jdbcUrl().lastIndexOf('/') + 1) + db;
        Flyway before = flyway(url, "16.1");
        before.migrate();
        Db at = new Db(url);

        String mine = UUID.randomUUID().toString();
        String theirs = UUID.randomUUID().toString();
        String preceding = UUID.randomUUID().toString();
        engagement(at, preceding, "client-1", mine, null, null);
        // From the engagement, but naming another client's intake.
        referral(at, "r-engagement", "client-1", theirs, preceding);
        engagement(at, UUID.randomUUID().toString(), "client-1", theirs, "r-engagement", preceding);
        // From no engagement (a manual one, or referral-service's own: not recorded which).
        referral(at, "r-nowhere", "client-1", theirs, null);
        engagement(at, UUID.randomUUID().toString(), "client-1", theirs, "r-nowhere", null);
        at.execute("insert into handover (id, tenant_id, engagement_id, from_practitioner, to_practitioner, reason,"
                + " note, status, offered_by, offered_at) values ('" + UUID.randomUUID() + "', 't', '" + preceding
                + "', 'coach-a', 'coach-b', 'client-request', 'sealed', 'offered', 'sup', now())");
        at.execute("insert into handover (id, tenant_id, engagement_id, from_practitioner, to_practitioner, reason,"
                + " note, status, offered_by, offered_at) values ('" + UUID.randomUUID() + "', 't', '" + preceding
                + "', 'coach-a', 'coach-c', 'scope', 'sealed', 'declined', 'coach-a', now())");

        flyway(url, "latest").migrate();

        assertEquals(1, at.count("select count(*) from completed_therapy_referral where intake_id = ?::uuid", mine));
        assertEquals(1, at.count("select count(*) from completed_therapy_referral where intake_id is null"));
        assertEquals(0, at.count("select count(*) from engagement where source_intake_id = ?::uuid", theirs));
        assertEquals(
                1,
                at.count(
                        "select count(*) from engagement where after_therapy_referral is not null"
                                + " and source_intake_id = ?::uuid",
                        mine));
        assertEquals(1, at.count("select count(*) from handover where note is null and reason = 'client-request'"));
        assertEquals(1, at.count("select count(*) from handover where note = 'sealed' and reason = 'scope'"));
        PG.execute("drop database " + db + " with (force)");
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure()
                .dataSource(url, PG.username(), PG.password())
                .locations("classpath:db/platform", "classpath:db/migration")
                .outOfOrder(true)
                .target(target)
                .load();
    }

    private static void engagement(Db at, String id, String client, String intake, String referral, String preceding) {
        at.execute("insert into engagement (id, tenant_id, client_subject, practitioner_id, pathway, status,"
                + " source_intake_id, created_by, created_at, version, after_therapy_referral, preceding_engagement_id)"
                + " values ('" + id + "', 't', '" + client + "', 'coach-a', 'coaching', 'draft', '" + intake
                + "', 'coach-a', now(), 0, " + uuidOrNull(referral) + ", " + uuidOrNull(preceding) + ")");
    }

    private static void referral(Db at, String name, String client, String intake, String engagement) {
        at.execute("insert into completed_therapy_referral (id, tenant_id, referral_id, client_subject, intake_id,"
                + " engagement_id, service_kind, completed_at) values ('" + UUID.randomUUID() + "', 't', "
                + uuidOrNull(name) + ", '" + client + "', '" + intake + "', " + uuidOrNull(engagement)
                + ", 'therapy', now())");
    }

    /** The migrated database, as the owner. */
    private record Db(String url) {
        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, PG.username(), PG.password());
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        long count(String sql, Object... args) {
            try (Connection c = DriverManager.getConnection(url, PG.username(), PG.password());
                    PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }

    /** Names stand for referral ids: the same name, the same id. */
    private static String uuidOrNull(String value) {
        if (value == null) {
            return "null";
        }
        String id = value.startsWith("r-")
                ? UUID.nameUUIDFromBytes(value.getBytes()).toString()
                : value;
        return "'" + id + "'";
    }
}

package org.praxis.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.problem.ProblemException;
import org.praxis.testsupport.EmbeddedPostgres;

/** Sealed values stay bound to their place, and rotation moves every value to the active key. */
@QuarkusTest
class FieldSealingTest {
    static final SealedColumn BODY = SealedColumn.of("sealed_note", "body");
    static final SealedColumn OTHER = SealedColumn.of("sealed_note", "other_body");

    @Inject
    FieldCipher cipher;

    @Inject
    DataKeys dataKeys;

    @Inject
    KeyRotation rotation;

    @Inject
    KeyInventory inventory;

    private final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aValueOpensOnlyInItsOwnRowColumnAndTenant() {
        UUID row = UUID.randomUUID();
        String sealed = BODY.seal(tenant, row, "I can't sleep since the restructuring");
        assertTrue(sealed.startsWith("v2:"));
        assertFalse(sealed.contains("sleep"));
        assertEquals("I can't sleep since the restructuring", BODY.open(tenant, row, sealed));
        assertNotEquals(
                sealed, BODY.seal(tenant, row, "I can't sleep since the restructuring"), "a fresh IV each time");

        assertThrows(IllegalStateException.class, () -> BODY.open(tenant, UUID.randomUUID(), sealed), "another row");
        assertThrows(IllegalStateException.class, () -> OTHER.open(tenant, row, sealed), "another column");
        assertThrows(IllegalStateException.class, () -> BODY.open("t-other", row, sealed), "another tenant");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(IllegalStateException.class, () -> BODY.open(tenant, row, tampered), "a changed byte");
    }

    @Test
    void ciphertextCopiedToAnotherRowInTheDatabaseFailsToOpen() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        insert(a, tenant, BODY.seal(tenant, a, "panic attacks on Sundays"));
        insert(b, tenant, BODY.seal(tenant, b, "nothing to report"));
        EmbeddedPostgres.shared()
                .execute("update sealed_note set body = (select body from sealed_note where id = '" + a
                        + "') where id = '" + b + "'");
        String moved = read(b);
        assertThrows(IllegalStateException.class, () -> BODY.open(tenant, b, moved));
        assertEquals("panic attacks on Sundays", BODY.open(tenant, a, read(a)));
    }

    @Test
    void eachTenantHasItsOwnDataKeyWrappedByTheActiveKek() {
        String other = tenant + "-b";
        String first = BODY.seal(tenant, UUID.randomUUID(), "x");
        String second = BODY.seal(other, UUID.randomUUID(), "x");
        assertNotEquals(FieldCipher.keyIdOf(first), FieldCipher.keyIdOf(second));
        assertEquals("test", dataKeys.byId(FieldCipher.keyIdOf(first)).kekId());
        assertEquals(1, EmbeddedPostgres.shared().count("select count(*) from data_key where tenant_id = ?", tenant));
    }

    @Test
    void rotationMovesEveryValueToTheActiveKeyAndOnlyThenRetiresTheOldOne() throws Exception {
        // Values sealed under the "old" KEK: as a replica did before "test" became active, plus first-scheme values.
        DataKeys.DataKey oldKey = dataKeys.current(tenant, "old");
        // "old" was the active key before "test": its data keys are older than any under "test".
        EmbeddedPostgres.shared()
                .execute("update data_key set created_at = now() - interval '1 day' where kek_id = 'old'");
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            UUID row = UUID.randomUUID();
            rows.add(row);
            insert(row, tenant, cipher.sealWith(oldKey, BODY, tenant, row, "note " + i));
        }
        UUID legacy = UUID.randomUUID();
        rows.add(legacy);
        insert(
                legacy,
                tenant,
                "v1:old:"
                        + java.util.Base64.getEncoder()
                                .encodeToString(cipher.encrypt(
                                        cipher.kek("old"),
                                        "first scheme".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                        null)));
        assertTrue(valuesUnder("old") >= 24);

        ProblemException refused = assertThrows(ProblemException.class, () -> inventory.retire("old", "admin-1"));
        assertEquals(409, refused.problem().status());
        assertThrows(
                ProblemException.class, () -> inventory.retire("test", "admin-1"), "the active key is never retired");

        KeyRotation.PassResult pass = rotation.reencrypt();
        assertTrue(pass.moved() >= 24, "moved " + pass.moved());
        assertEquals(0, valuesUnder("old"));
        for (int i = 0; i < 23; i++) {
            assertEquals("note " + i, BODY.open(tenant, rows.get(i), read(rows.get(i))));
        }
        assertEquals("first scheme", BODY.open(tenant, legacy, read(legacy)));
        assertTrue(read(legacy).startsWith("v2:"));

        assertEquals(
                KeyInventory.KeyStatus.RETIRED,
                inventory.retire("old", "admin-1").state());
        IllegalStateException refused2 = assertThrows(
                IllegalStateException.class,
                () -> dataKeys.create(tenant + "-new", "old"),
                "nothing new is sealed under a retired key");
        assertTrue(refused2.getMessage().contains("retired"));
        assertEquals(0, rotation.reencrypt().moved(), "nothing left to move");
    }

    @Test
    void rotationDoesNotSealPlainTextWrittenPastTheServiceButSealsOldAuditReasons() throws Exception {
        // Forged through the database: a plain value in a sealed column is refused, not bound to its row.
        UUID forged = UUID.randomUUID();
        insert(forged, tenant, "Written straight into the table");
        UUID audit = UUID.randomUUID();
        EmbeddedPostgres.shared()
                .execute(
                        "insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason, occurred_at)"
                                + " values ('" + audit + "', '" + tenant + "', 'admin-1', 'export', 'subject', 'x',"
                                + " 'Reason kept from before sealing', now())");
        try {
            KeyRotation.PassResult pass = rotation.reencrypt();
            assertTrue(pass.failed() >= 1, "counted as not opened: " + pass.failed());
            assertEquals("Written straight into the table", read(forged), "left as it is");
            assertThrows(IllegalStateException.class, () -> BODY.open(tenant, forged, read(forged)));
            String reason;
            try (Connection c = EmbeddedPostgres.shared().connect();
                    PreparedStatement s = c.prepareStatement("select reason from audit_event where id = ?")) {
                s.setObject(1, audit);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    reason = rs.getString(1);
                }
            }
            assertTrue(reason.startsWith("v2:"), reason);
            assertEquals("Reason kept from before sealing", AuditLog.REASON.open(tenant, audit, reason));
        } finally {
            EmbeddedPostgres.shared().execute("delete from sealed_note where id = '" + forged + "'");
        }
    }

    private long valuesUnder(String kek) {
        return inventory.status().stream()
                .filter(k -> k.keyId().equals(kek))
                .mapToLong(KeyInventory.KeyStatus::values)
                .sum();
    }

    private static void insert(UUID id, String tenant, String body) throws Exception {
        try (Connection c = EmbeddedPostgres.shared().connect();
                PreparedStatement s =
                        c.prepareStatement("insert into sealed_note (id, tenant_id, body) values (?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, tenant);
            s.setString(3, body);
            s.executeUpdate();
        }
    }

    private static String read(UUID id) throws Exception {
        try (Connection c = EmbeddedPostgres.shared().connect();
                PreparedStatement s = c.prepareStatement("select body from sealed_note where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

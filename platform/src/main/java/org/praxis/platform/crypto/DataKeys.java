package org.praxis.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.praxis.platform.PraxisConfig;

/**
 * The tenants' data keys, each stored wrapped by one of the service's key-encryption keys (table
 * {@code data_key}) and kept unwrapped in memory once used. A tenant's key under the active KEK is
 * made on its first sealed value, in a transaction of its own: a value must never outlive the key it
 * names because the caller's transaction rolled back.
 */
@ApplicationScoped
public class DataKeys {
    public record DataKey(String id, String tenantId, String kekId, SecretKey key) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, DataKey> byId = new ConcurrentHashMap<>();
    private final Map<String, DataKey> current = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    PraxisConfig config;

    @Inject
    DataKeys self;

    /** The tenant's data key under {@code kekId}, made if it has none yet. */
    public DataKey current(String tenantId, String kekId) {
        String slot = tenantId + "\n" + kekId;
        DataKey key = current.get(slot);
        if (key == null) {
            key = find(tenantId, kekId);
            if (key == null) {
                self.create(tenantId, kekId);
                key = find(tenantId, kekId);
            }
            current.put(slot, key);
        }
        return key;
    }

    public DataKey byId(String id) {
        DataKey key = byId.get(id);
        if (key != null) {
            return key;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select tenant_id, kek_id, wrapped from data_key where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no data key " + id + " (it was retired or never stored here)");
                }
                return remember(unwrap(id, rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read data key " + id, e);
        }
    }

    /** Forgets the unwrapped keys under a retired KEK. */
    void forget(String kekId) {
        byId.values().removeIf(k -> k.kekId().equals(kekId));
        current.values().removeIf(k -> k.kekId().equals(kekId));
    }

    private DataKey find(String tenantId, String kekId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select id, wrapped from data_key where tenant_id = ? and kek_id = ?")) {
            s.setString(1, tenantId);
            s.setString(2, kekId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? remember(unwrap(rs.getString(1), tenantId, kekId, rs.getString(2))) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the data key of tenant " + tenantId, e);
        }
    }

    /** Another replica may make the same tenant's key at the same moment: the first one stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String tenantId, String kekId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from retired_kek where kek_id = ?")) {
            s.setString(1, kekId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalStateException("key " + kekId + " is retired: nothing new is sealed under it");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        byte[] idBytes = new byte[9];
        random.nextBytes(idBytes);
        String id = "dk" + HexFormat.of().formatHex(idBytes);
        String wrapped = Base64.getEncoder()
                .encodeToString(cipher.encrypt(cipher.kek(kekId), raw, wrapping(id, tenantId, kekId)));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into data_key (id, tenant_id, kek_id, wrapped)"
                        + " values (?, ?, ?, ?) on conflict (tenant_id, kek_id) do nothing")) {
            s.setString(1, id);
            s.setString(2, tenantId);
            s.setString(3, kekId);
            s.setString(4, wrapped);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a data key for tenant " + tenantId, e);
        }
    }

    private DataKey unwrap(String id, String tenantId, String kekId, String wrapped) {
        byte[] raw =
                cipher.decrypt(cipher.kek(kekId), Base64.getDecoder().decode(wrapped), wrapping(id, tenantId, kekId));
        return new DataKey(id, tenantId, kekId, new SecretKeySpec(raw, "AES"));
    }

    /** A wrapped key opens only as the key of this id, tenant and KEK in this service. */
    private byte[] wrapping(String id, String tenantId, String kekId) {
        return ("praxis-data-key|" + config.service() + "|" + id + "|" + tenantId + "|" + kekId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private DataKey remember(DataKey key) {
        byId.put(key.id(), key);
        return key;
    }
}

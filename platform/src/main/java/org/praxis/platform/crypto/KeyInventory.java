package org.praxis.platform.crypto;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.praxis.platform.problem.ProblemException;

/**
 * The service's key-encryption keys as the data shows them: how many sealed values and data keys each
 * one has, which is active, readable, retired or missing, and retiring one once nothing uses it.
 */
@ApplicationScoped
public class KeyInventory {
    /** One key-encryption key as the service sees it; {@code values} counts values sealed under it. */
    public record KeyStatus(String keyId, String state, long values, long dataKeys) {
        public static final String ACTIVE = "active";
        public static final String READABLE = "readable";
        public static final String RETIRED = "retired";
        /** Values use it but it is not in the Secret: they cannot be read until it is listed again. */
        public static final String MISSING = "missing";
    }

    @Inject
    DataSource dataSource;

    @Inject
    FieldCipher cipher;

    @Inject
    DataKeys dataKeys;

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> valuesGauge = new ConcurrentHashMap<>();

    /** Values per key-encryption key, over every sealed column; also published as {@code praxis_crypto_values}. */
    public List<KeyStatus> status() {
        Map<String, String> kekOfDataKey = new HashMap<>();
        Map<String, Long> dataKeysPerKek = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, kek_id from data_key");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                kekOfDataKey.put(rs.getString(1), rs.getString(2));
                dataKeysPerKek.merge(rs.getString(2), 1L, Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Long> values = new TreeMap<>();
        for (SealedColumn column : SealedColumn.all()) {
            String sql = "select split_part(" + column.column() + ", ':', 1), split_part(" + column.column()
                    + ", ':', 2)," + " count(*) from " + column.table() + " where " + column.column()
                    + " is not null group by 1, 2";
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String kek = "v1".equals(rs.getString(1))
                            ? rs.getString(2)
                            : kekOfDataKey.getOrDefault(rs.getString(2), "unknown-data-key");
                    values.merge(kek, rs.getLong(3), Long::sum);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not count the values of " + column, e);
            }
        }
        TreeSet<String> ids = new TreeSet<>(cipher.kekIds());
        ids.addAll(values.keySet());
        ids.addAll(dataKeysPerKek.keySet());
        List<String> retired = queryStrings("select kek_id from retired_kek");
        ids.addAll(retired);
        List<KeyStatus> out = new ArrayList<>();
        for (String id : ids) {
            long count = values.getOrDefault(id, 0L);
            // Retired only while nothing uses it: a value written under it afterwards shows it again.
            String state = id.equals(cipher.activeKekId())
                    ? KeyStatus.ACTIVE
                    : retired.contains(id) && count == 0
                            ? KeyStatus.RETIRED
                            : cipher.kekIds().contains(id) ? KeyStatus.READABLE : KeyStatus.MISSING;
            out.add(new KeyStatus(id, state, count, dataKeysPerKek.getOrDefault(id, 0L)));
            valuesGauge
                    .computeIfAbsent(id, k -> {
                        AtomicLong holder = new AtomicLong();
                        Gauge.builder("praxis.crypto.values", holder, AtomicLong::get)
                                .description(
                                        "Sealed values per key-encryption key (0 for every key but the active one after rotation)")
                                .tag("key", k)
                                .register(registry);
                        return holder;
                    })
                    .set(count);
        }
        return out;
    }

    /**
     * Retires a key no value uses any more: no new data key is made under it, and it may leave the
     * Secret. Its data keys stay (wrapped): a value that a request still in flight wrote under it opens
     * while the key is listed, and shows the key as in use again.
     */
    public KeyStatus retire(String kekId, String actor) {
        if (kekId.equals(cipher.activeKekId())) {
            throw ProblemException.conflict("Key " + kekId + " is the active key; make another key active first.");
        }
        KeyStatus current = status().stream()
                .filter(k -> k.keyId().equals(kekId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("Key"));
        if (current.state().equals(KeyStatus.RETIRED)) {
            return current;
        }
        if (current.values() > 0) {
            throw ProblemException.conflict(current.values() + " value(s) still use key " + kekId
                    + "; wait for the rotation job (or run it) until none do.");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement r = c.prepareStatement("insert into retired_kek (kek_id, retired_at, retired_by)"
                            + " values (?, ?, ?) on conflict do nothing")) {
                r.setString(1, kekId);
                r.setObject(2, java.sql.Timestamp.from(Instant.now()));
                r.setString(3, actor);
                r.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        dataKeys.forget(kekId);
        return new KeyStatus(kekId, KeyStatus.RETIRED, 0, current.dataKeys());
    }

    List<String> queryStrings(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

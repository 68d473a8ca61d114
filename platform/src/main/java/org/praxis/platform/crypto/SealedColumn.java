package org.praxis.platform.crypto;

import io.quarkus.arc.Arc;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A text column kept encrypted at rest, bound to its place: a value is sealed with associated data
 * naming the service, this table and column, the row's tenant and id, so a value copied to another
 * row, column or tenant fails to open. An entity keeps the sealed value in its mapped field and
 * exposes the plain text through accessors:
 *
 * <pre>
 * private static final SealedColumn CONCERNS = SealedColumn.of("intake", "presenting_concerns");
 * String presentingConcerns; // sealed
 * public String presentingConcerns() { return CONCERNS.open(tenantId, id, presentingConcerns); }
 * public void presentingConcerns(String text) { presentingConcerns = CONCERNS.seal(tenantId, id, text); }
 * </pre>
 *
 * Every table holding one has {@code id uuid} and {@code tenant_id text}; {@link KeyRotation} finds
 * all columns through this registry to move their values to the active key.
 */
public final class SealedColumn {
    private static final Map<String, SealedColumn> ALL = new ConcurrentSkipListMap<>();

    private final String table;
    private final String column;
    private final boolean sealedLater;

    private SealedColumn(String table, String column, boolean sealedLater) {
        this.table = table;
        this.column = column;
        this.sealedLater = sealedLater;
    }

    public static SealedColumn of(String table, String column) {
        return register(table, column, false);
    }

    /**
     * A column that held plain text before it was sealed: such a value reads as it is until {@link KeyRotation}'s
     * next pass seals it. Elsewhere plain text is never the service's own (written past it, in the database).
     */
    public static SealedColumn sealedLater(String table, String column) {
        return register(table, column, true);
    }

    private static SealedColumn register(String table, String column, boolean sealedLater) {
        if (!table.matches("[a-z_][a-z0-9_]*") || !column.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("table and column must be plain SQL names: " + table + "." + column);
        }
        return ALL.computeIfAbsent(table + "." + column, k -> new SealedColumn(table, column, sealedLater));
    }

    public boolean sealedLater() {
        return sealedLater;
    }

    /** The columns registered so far (entity classes register theirs when loaded). */
    public static Collection<SealedColumn> all() {
        return List.copyOf(ALL.values());
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String seal(String tenantId, UUID rowId, String plaintext) {
        return plaintext == null ? null : cipher().seal(this, tenantId, rowId, plaintext);
    }

    public String open(String tenantId, UUID rowId, String stored) {
        if (stored == null || (sealedLater && !FieldCipher.isSealed(stored))) {
            return stored;
        }
        return cipher().open(this, tenantId, rowId, stored);
    }

    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}

package org.praxis.assessment.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.praxis.platform.persistence.TenantQueries;

/**
 * What each practitioner was last published to hold ({@code practitioner_eligibility}): what
 * {@link Eligibility} compares a new computation with, and where the registration expiry sweep looks.
 */
@ApplicationScoped
public class PublishedEligibility {
    @Inject
    TenantQueries tenant;

    @Inject
    DataSource dataSource;

    /**
     * Drops what {@code practitioner} was last published to hold, publishing nothing: for an erasure,
     * which intake and session apply to their own copies.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String practitioner) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "delete from practitioner_eligibility where tenant_id = ? and practitioner_id = ?")) {
            s.setString(1, tenant.tenantId());
            s.setString(2, practitioner);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code practitioner} was last published to hold (for their subject export). */
    List<String> heldBy(String practitioner) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select unnest(eligibilities) from practitioner_eligibility"
                        + " where tenant_id = ? and practitioner_id = ? order by 1")) {
            s.setString(1, tenant.tenantId());
            s.setString(2, practitioner);
            List<String> held = new java.util.ArrayList<>();
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    held.add(rows.getString(1));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Practitioners of the caller's tenant whose published eligibility includes integrated practice. */
    public List<String> holdingIntegratedPractice() {
        return rows(
                "select practitioner_id from practitioner_eligibility where tenant_id = ? and ? = any(eligibilities)",
                tenant.tenantId(),
                EligibilityRules.INTEGRATED_PRACTICE);
    }

    /** Every practitioner of the tenant that has any record eligibility could depend on. */
    List<String> everyone() {
        return rows(
                "select practitioner_id from practitioner_eligibility where tenant_id = ?"
                        + " union select subject from practitioner where tenant_id = ?",
                tenant.tenantId(),
                tenant.tenantId());
    }

    /** Tenants where someone holds integrated practice: the expiry sweep looks only there. */
    public List<String> tenantsWithIntegratedPractice() {
        return rows(
                "select distinct tenant_id from practitioner_eligibility where ? = any(eligibilities)",
                EligibilityRules.INTEGRATED_PRACTICE);
    }

    /** What {@code practitioner} was last published to hold; null when nothing was. */
    List<String> of(String practitioner) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select eligibilities from practitioner_eligibility where tenant_id = ? and practitioner_id = ?")) {
            s.setString(1, tenant.tenantId());
            s.setString(2, practitioner);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Array a = rs.getArray(1);
                return Arrays.asList((String[]) a.getArray());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void store(String practitioner, List<String> eligibilities) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into practitioner_eligibility (tenant_id, practitioner_id, eligibilities, changed_at) values (?, ?, ?, ?)"
                                + " on conflict (tenant_id, practitioner_id) do update set eligibilities = excluded.eligibilities,"
                                + " changed_at = excluded.changed_at")) {
            s.setString(1, tenant.tenantId());
            s.setString(2, practitioner);
            s.setArray(3, c.createArrayOf("varchar", eligibilities.toArray()));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rows(String sql, String... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

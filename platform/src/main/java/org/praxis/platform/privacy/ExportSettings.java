package org.praxis.platform.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.praxis.platform.audit.AuditLog;
import org.praxis.platform.security.CallerContext;

/** The tenant's export setting: whether an export request needs a second admin's approval (four eyes). */
@ApplicationScoped
public class ExportSettings {
    /** The tenant's setting; {@code offRequestedBy}: an admin asked to turn four eyes off and waits for a second one. */
    public record Settings(boolean fourEyes, String offRequestedBy) {}

    @Inject
    DataSource dataSource;

    @Inject
    CallerContext callerContext;

    @Inject
    AuditLog audit;

    public Settings settings() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select four_eyes, off_requested_by from export_setting where tenant_id = ?")) {
            s.setString(1, callerContext.tenantId());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Settings(rs.getBoolean(1), rs.getString(2)) : new Settings(false, null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Turning four eyes on takes one admin; turning it off takes two, like an export: the first asks,
     * a second confirms. Otherwise one admin could switch it off, export and switch it on again.
     */
    @Transactional
    public Settings configure(boolean fourEyes) {
        Settings now = settings();
        String me = callerContext.subject();
        boolean off = !fourEyes
                && (!now.fourEyes()
                        || now.offRequestedBy() != null && !now.offRequestedBy().equals(me));
        String offRequestedBy = !fourEyes && !off ? me : null;
        Statements.update(
                dataSource,
                "insert into export_setting (tenant_id, four_eyes, changed_by, changed_at, off_requested_by) values (?, ?, ?, ?, ?)"
                        + " on conflict (tenant_id) do update set four_eyes = excluded.four_eyes,"
                        + " changed_by = excluded.changed_by, changed_at = excluded.changed_at,"
                        + " off_requested_by = excluded.off_requested_by",
                callerContext.tenantId(),
                !off,
                me,
                Timestamp.from(Instant.now()),
                offRequestedBy);
        audit.record(
                "configure-exports",
                "export-setting",
                callerContext.tenantId(),
                off ? "one admin" : offRequestedBy != null ? "four eyes; asked to turn off" : "four eyes");
        return settings();
    }
}

package org.praxis.intake.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.praxis.testsupport.EmbeddedPostgres;

/**
 * The id of the flag a client's screening raised, read from storage: a client's answer carries only the
 * wording of the flags, and reading them through the API would add audited reads a test may count.
 */
final class RaisedFlags {
    private RaisedFlags() {}

    static String onlyFlagOf(String intakeId) {
        try (Connection c = EmbeddedPostgres.shared().connect();
                PreparedStatement s = c.prepareStatement("select id from risk_flag where intake_id = ?::uuid")) {
            s.setString(1, intakeId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no risk flag on intake " + intakeId);
                }
                String id = r.getString(1);
                if (r.next()) {
                    throw new AssertionError("more than one risk flag on intake " + intakeId);
                }
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

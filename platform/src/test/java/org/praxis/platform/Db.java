package org.praxis.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.praxis.testsupport.EmbeddedPostgres;

/** Reads the stored rows directly, as a test of what really is in the database. */
final class Db {
    private Db() {
    }

    static long count(String sql, Object... args) {
        try (Connection c = EmbeddedPostgres.shared().connect(); PreparedStatement s = c.prepareStatement(sql)) {
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

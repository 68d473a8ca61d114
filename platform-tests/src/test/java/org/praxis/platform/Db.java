package org.praxis.platform;

import org.praxis.testsupport.EmbeddedPostgres;

/** Reads the stored rows directly, as a test of what really is in the database. */
final class Db {
    private Db() {}

    static java.sql.Connection connection() throws java.sql.SQLException {
        return EmbeddedPostgres.shared().connect();
    }

    static long count(String sql, Object... args) {
        return EmbeddedPostgres.shared().count(sql, args);
    }
}

package org.praxis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL per test JVM: the zonky binaries (PostgreSQL 17), or an external server named by
 * {@code -Dpraxis.test.postgres.url=jdbc:postgresql://host:port/db} (with {@code .username}/{@code .password}).
 */
public final class EmbeddedPostgres {
    public static final String URL_PROPERTY = "praxis.test.postgres.url";

    private static EmbeddedPostgres shared;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(String jdbcUrl, String username, String password,
                             io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.server = server;
    }

    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static EmbeddedPostgres start() {
        String external = System.getProperty(URL_PROPERTY);
        if (external != null && !external.isBlank()) {
            return new EmbeddedPostgres(external,
                    System.getProperty("praxis.test.postgres.username", "postgres"),
                    System.getProperty("praxis.test.postgres.password", "postgres"), null);
        }
        try {
            // Durability settings off: a test database is thrown away, and fsync dominates small writes.
            var server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data directory goes with it
                }
            }));
            return new EmbeddedPostgres(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", server);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return server != null;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** {@code select count(*) ...} with positional parameters, for tests that check the stored rows. */
    public long count(String sql, Object... args) {
        try (Connection c = connect(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs SQL as the owner, for tests that look at the stored rows directly. */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}

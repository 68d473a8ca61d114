package org.praxis.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private EmbeddedPostgres(
            String jdbcUrl,
            String username,
            String password,
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
            return new EmbeddedPostgres(
                    external,
                    System.getProperty("praxis.test.postgres.username", "postgres"),
                    System.getProperty("praxis.test.postgres.password", "postgres"),
                    null);
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
        try (Connection c = connect();
                java.sql.PreparedStatement s = c.prepareStatement(sql)) {
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

    /** Waits up to 30 seconds until {@link #count} is {@code expected}, e.g. for a consumer to apply an event. */
    public void awaitCount(long expected, String sql, Object... args) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(sql, args) == expected);
    }

    /** Runs SQL as the owner, for tests that look at the stored rows directly. */
    public void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Where {@code value} occurs in the database: every text, array and JSON column of every table of the
     * current schema, as {@code table.column} with the number of rows whose value contains it. A table a
     * migration adds is searched without naming it here.
     */
    public Map<String, Long> columnsHolding(String value) {
        // One scan per table over one connection: a query and a connection per column made the erasure
        // tests of a well-filled test database take half a minute each.
        Map<String, List<String>> columnsByTable = new TreeMap<>();
        Map<String, Long> found = new TreeMap<>();
        try (Connection c = connect()) {
            try (Statement s = c.createStatement();
                    ResultSet columns = s.executeQuery(
                            "select c.table_name, c.column_name from information_schema.columns c"
                                    + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                                    + " where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                                    + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')")) {
                while (columns.next()) {
                    columnsByTable
                            .computeIfAbsent(columns.getString(1), t -> new ArrayList<>())
                            .add(columns.getString(2));
                }
            }
            for (Map.Entry<String, List<String>> table : columnsByTable.entrySet()) {
                List<String> columns = table.getValue();
                StringBuilder sql = new StringBuilder("select ");
                for (int i = 0; i < columns.size(); i++) {
                    sql.append(i == 0 ? "" : ", ")
                            .append("count(*) filter (where strpos(\"")
                            .append(columns.get(i))
                            .append("\"::text, ?) > 0)");
                }
                sql.append(" from \"").append(table.getKey()).append('"');
                try (java.sql.PreparedStatement s = c.prepareStatement(sql.toString())) {
                    for (int i = 0; i < columns.size(); i++) {
                        s.setString(i + 1, value);
                    }
                    try (ResultSet counts = s.executeQuery()) {
                        counts.next();
                        for (int i = 0; i < columns.size(); i++) {
                            long rows = counts.getLong(i + 1);
                            if (rows > 0) {
                                found.put(table.getKey() + "." + columns.get(i), rows);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("columns not searched", e);
        }
        return found;
    }
}

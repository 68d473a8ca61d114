package org.praxis.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 3: {@code GET /v1/intakes?limit=50}, the first page and a page 90 % of the way down, with
 * the tenant holding more and more intakes (bulk-loaded by copying one real, encrypted intake) while
 * another tenant holds its own. The plans are the ones PostgreSQL really ran for the service's queries,
 * logged by auto_explain for one request of each kind.
 */
public final class ListsAtScale {
    private static final String USER = ScreeningThroughput.USER;
    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final int LIMIT = 50;
    static final double DEEP = 0.9;

    public record Size(
            long intakes,
            double loadSeconds,
            Latencies firstPage,
            Latencies deepPage,
            String firstPagePlan,
            String deepPagePlan) {}

    public record Result(long otherTenantIntakes, int requestsPerFigure, List<Size> sizes) {}

    private final LocalStack stack;
    private final PraxisApi api;
    private UUID template;

    public ListsAtScale(LocalStack stack, PraxisApi api) {
        this.stack = stack;
        this.api = api;
    }

    public Result run(List<Long> sizes, long otherTenant, int requests) throws Exception {
        template = api.openIntake(USER, "bench-list-template", "Bench List Client");
        List<Size> results = new ArrayList<>();
        try (Connection db = stack.connect("intake")) {
            load(db, OTHER_TENANT, otherTenant - count(db, OTHER_TENANT));
            for (long size : sizes) {
                long start = System.nanoTime();
                load(db, TENANT, size - count(db, TENANT));
                try (var s = db.createStatement()) {
                    s.execute("analyze intake");
                }
                double loadSeconds = Latencies.round((System.nanoTime() - start) / 1e9);
                long count = count(db, TENANT);
                Deep deep = deepCursor(db, count);
                String first = "/v1/intakes?limit=" + LIMIT;
                String deepPath = first + "&cursor=" + URLEncoder.encode(deep.cursor, StandardCharsets.UTF_8);
                checkDeepPage(deepPath, deep.expectedFirst);
                Latencies firstLatency = measure(first, requests);
                Latencies deepLatency = measure(deepPath, requests);
                Plans plans = plans(first, deepPath);
                results.add(new Size(count, loadSeconds, firstLatency, deepLatency, plans.first, plans.deep));
            }
        }
        return new Result(otherTenant, requests, results);
    }

    private static long count(Connection db, String tenant) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) from intake where tenant_id = ?")) {
            s.setString(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Adds {@code rows} copies of the template intake, each older than every intake the tenant has. Its
     * sealed columns cannot be copied (a v2 value is bound to its row and fails to open in another), so
     * the copies carry the same texts sealed the legacy v1 way, which names no row: with the local
     * stack's key (deploy/local/up's crypto-key, id "local"), AES-GCM, opened by the service as before.
     */
    private void load(Connection db, String tenant, long rows) throws Exception {
        byte[] kek = Base64.getDecoder()
                .decode(Files.readString(stack.runDir().resolve("crypto-key")).trim());
        long done = 0;
        while (done < rows) {
            long batch = Math.min(100_000, rows - done);
            try (PreparedStatement s = db.prepareStatement("""
                    insert into intake (id, tenant_id, client_subject, display_name, presenting_concerns,
                        hoped_for_outcomes, sponsor_organisation, assigned_coach, status, created_by, created_at, version)
                    select gen_random_uuid(), ?, 'bench-list-' || g, ?, ?, ?, t.sponsor_organisation, t.assigned_coach, t.status, t.created_by,
                        coalesce((select min(created_at) from intake where tenant_id = ?), now()) - make_interval(secs => g * 0.25), 0
                    from generate_series(1, ?) g, intake t where t.id = ?""")) {
                s.setString(1, tenant);
                s.setString(2, sealV1(kek, "Bench List Client"));
                s.setString(3, sealV1(kek, "Stress at work after a reorganisation"));
                s.setString(4, sealV1(kek, "A calmer way of leading the team"));
                s.setString(5, tenant);
                s.setLong(6, batch);
                s.setObject(7, template);
                s.executeUpdate();
            }
            done += batch;
        }
    }

    /** FieldCipher's legacy scheme: {@code v1:<key id>:} and base64 of a 12-byte IV and the AES-GCM output. */
    static String sealV1(byte[] kek, String plaintext) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[iv.length + sealed.length];
        System.arraycopy(iv, 0, all, 0, iv.length);
        System.arraycopy(sealed, 0, all, iv.length, sealed.length);
        return "v1:local:" + Base64.getEncoder().encodeToString(all);
    }

    private record Deep(String cursor, UUID expectedFirst) {}

    /**
     * A cursor 90 % of the way down the tenant's list, made the way the service makes them (the last
     * row of the previous page: epoch seconds, nanos, id); {@link #checkDeepPage} proves it lands there.
     */
    private static Deep deepCursor(Connection db, long count) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select created_at, id from intake where tenant_id = ?"
                + " order by created_at desc, id desc offset ? limit 2")) {
            s.setString(1, TENANT);
            s.setLong(2, (long) (count * DEEP));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                UUID id = rs.getObject(2, UUID.class);
                rs.next();
                UUID next = rs.getObject(2, UUID.class);
                String raw = at.toEpochSecond() + ":" + at.getNano() + ":" + id;
                return new Deep(
                        Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)),
                        next);
            }
        }
    }

    private void checkDeepPage(String path, UUID expectedFirst) {
        HttpConnection.Reply r = api.get(USER, "intake", path);
        var items = PraxisApi.read(r.body()).get("items");
        if (r.statusCode() != 200
                || items.size() != LIMIT
                || !items.get(0).get("id").asText().equals(expectedFirst.toString())) {
            throw new IllegalStateException("the deep page did not start where expected: " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
    }

    /** One request after another (concurrency 1) after a few unmeasured ones. */
    private Latencies measure(String path, int requests) {
        for (int i = 0; i < Math.max(10, requests / 10); i++) {
            api.get(USER, "intake", path);
        }
        Histogram h = Latencies.histogram();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpConnection.Reply r = api.get(USER, "intake", path);
            h.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
            }
        }
        return Latencies.of(h);
    }

    private record Plans(String first, String deep) {}

    /** auto_explain (loaded into intake's connections, see BenchMain) logs the plans of one request each. */
    private Plans plans(String firstPath, String deepPath) throws Exception {
        long from = Files.size(stack.postgresLog());
        stack.superuserSql(
                "intake",
                "load 'auto_explain'",
                "alter system set auto_explain.log_min_duration = 0",
                "alter system set auto_explain.log_analyze = on",
                "alter system set auto_explain.log_buffers = on",
                "select pg_reload_conf()");
        Thread.sleep(500);
        try {
            api.get(USER, "intake", firstPath);
            api.get(USER, "intake", deepPath);
            Thread.sleep(500);
        } finally {
            stack.superuserSql(
                    "intake",
                    "load 'auto_explain'",
                    "alter system reset auto_explain.log_min_duration",
                    "alter system reset auto_explain.log_analyze",
                    "alter system reset auto_explain.log_buffers",
                    "select pg_reload_conf()");
        }
        // The key sweep re-seals the bulk rows' legacy values meanwhile ("for update skip locked"): not the list's
        // plan.
        List<String> plans = AutoExplainLog.plans(stack.postgresLogFrom(from), "from intake").stream()
                .filter(p -> !p.contains("skip locked"))
                .toList();
        String first =
                plans.stream().filter(p -> !isDeep(p)).reduce((a, b) -> b).orElse("(no plan logged)");
        String deep =
                plans.stream().filter(ListsAtScale::isDeep).reduce((a, b) -> b).orElse("(no plan logged)");
        return new Plans(first, deep);
    }

    /** A page after a cursor: its query compares (created_at, id), in whichever form the service writes it. */
    static boolean isDeep(String plan) {
        String query = plan.lines().findFirst().orElse("").replace(" ", "");
        return query.contains("created_at<") || query.contains("created_at,i1_0.id)<");
    }
}

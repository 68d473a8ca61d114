package org.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.praxis.bench.HttpConnection.Reply;

/**
 * The calls the benchmarks make, with real Keycloak tokens (password grant of the local realm's
 * praxis-cli client), fetched once per user and renewed when half their lifetime is gone, never per
 * request. Each thread has its own keep-alive connection per port ({@link HttpConnection}).
 */
public final class PraxisApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<Integer, HttpConnection>> connections = ThreadLocal.withInitial(HashMap::new);
    private final Set<HttpConnection> opened = new HashSet<>();

    private record Token(String value, long renewAt) {}

    public PraxisApi(LocalStack stack) {
        this.stack = stack;
    }

    public String token(String username) {
        Token t = tokens.get(username);
        if (t != null && !stale(t)) {
            return t.value;
        }
        // One renewal per user at a time: 32 load threads renewing at once were 32 logins of one user within a
        // millisecond, which Keycloak's brute-force protection answered by disabling the user.
        return tokens.compute(username, (u, old) -> old != null && !stale(old) ? old : fetchToken(u)).value;
    }

    private static boolean stale(Token t) {
        return System.nanoTime() - t.renewAt > 0;
    }

    /** The user's OIDC subject (the token's {@code sub}), which the services store as the caller's id. */
    public String subject(String username) {
        String payload = token(username).split("\\.")[1];
        return read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .get("sub")
                .asText();
    }

    private Token fetchToken(String username) {
        String form = Map.of(
                        "grant_type", "password", "client_id", "praxis-cli", "username", username, "password", "praxis")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        long asked = System.nanoTime();
        URI issuer = URI.create(stack.issuer());
        Reply r = send(
                issuer.getPort(),
                "POST",
                issuer.getPath() + "/protocol/openid-connect/token",
                "application/x-www-form-urlencoded",
                form);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
        }
        JsonNode t = read(r.body());
        long lifetimeNanos = t.path("expires_in").asLong(300) * 1_000_000_000L;
        return new Token(t.get("access_token").asText(), asked + lifetimeNanos / 2);
    }

    public Reply post(String user, String service, String path, Object body, String idempotencyKey) {
        return send(
                stack.port(service),
                "POST",
                path,
                "application/json",
                write(body),
                "Authorization",
                "Bearer " + token(user),
                "Idempotency-Key",
                idempotencyKey);
    }

    /** A POST of JSON as {@code user} to a server on {@code port} that is not one of the stack's services. */
    public Reply postToPort(String user, int port, String path, Object body) {
        return send(port, "POST", path, "application/json", write(body), "Authorization", "Bearer " + token(user));
    }

    public Reply get(String user, String service, String path) {
        return send(stack.port(service), "GET", path, null, null, "Authorization", "Bearer " + token(user));
    }

    /** A GET with {@code If-None-Match}: 304 when the resource still has that ETag. */
    public Reply getIfNoneMatch(String user, String service, String path, String etag) {
        return send(
                stack.port(service),
                "GET",
                path,
                null,
                null,
                "Authorization",
                "Bearer " + token(user),
                "If-None-Match",
                etag);
    }

    private Reply send(int port, String method, String path, String contentType, String body, String... headers) {
        HttpConnection c = connections.get().computeIfAbsent(port, p -> new HttpConnection("127.0.0.1", p));
        if (!c.isOpen()) {
            synchronized (opened) {
                opened.add(c); // to be closed by disconnect()
            }
        }
        try {
            return c.send(method, path, contentType, body, headers);
        } catch (IOException e) {
            c.close();
            throw new IllegalStateException(method + " :" + port + path + ": " + e, e);
        }
    }

    /**
     * Closes every connection (between runs, when no request is in flight), so threads that ended do not
     * leave idle sockets behind in the services; a thread that sends again reconnects.
     */
    public void disconnect() {
        synchronized (opened) {
            opened.forEach(HttpConnection::close);
            opened.clear();
        }
        connections.remove();
    }

    /** Opens an intake as {@code user} and returns its id. */
    public UUID openIntake(String user, String clientSubject, String displayName) {
        Reply r = post(
                user,
                "intake",
                "/v1/intakes",
                Map.of(
                        "clientSubject",
                        clientSubject,
                        "displayName",
                        displayName,
                        "presentingConcerns",
                        "Stress at work after a reorganisation",
                        "hopedForOutcomes",
                        "A calmer way of leading the team"),
                UUID.randomUUID().toString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("opening an intake: " + r.statusCode() + " " + r.body());
        }
        return UUID.fromString(read(r.body()).get("id").asText());
    }

    /** PHQ-9 answers: items 1-8 as given, item 9 (thoughts of self-harm) separately, item 10 difficulty. */
    public static Map<String, Object> phq9(int[] items1to8, int item9) {
        Map<String, Integer> answers = new java.util.TreeMap<>();
        for (int i = 0; i < 8; i++) {
            answers.put(String.valueOf(i + 1), items1to8[i]);
        }
        answers.put("9", item9);
        answers.put("10", 1);
        return Map.of("instrument", "PHQ-9", "answers", answers);
    }

    public static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

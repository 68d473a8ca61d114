package org.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The calls the benchmarks make, with real Keycloak tokens (password grant of the local realm's
 * praxis-cli client, renewed well before they expire).
 */
public final class PraxisApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_AFTER = Duration.ofMinutes(5); // the realm's tokens live 15

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {}

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
        return tokens.compute(
                        username,
                        (u, old) -> old != null && !stale(old) ? old : new Token(fetchToken(u), System.nanoTime()))
                .value;
    }

    private static boolean stale(Token t) {
        return System.nanoTime() - t.fetchedAt > RENEW_AFTER.toNanos();
    }

    private String fetchToken(String username) {
        String form = Map.of(
                        "grant_type", "password", "client_id", "praxis-cli", "username", username, "password", "praxis")
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    public HttpResponse<String> post(String user, String service, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String user, String service, String path) {
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl(service) + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user))
                .GET()
                .build());
    }

    /** Opens an intake as {@code user} and returns its id. */
    public UUID openIntake(String user, String clientSubject, String displayName) {
        HttpResponse<String> r = post(
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

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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

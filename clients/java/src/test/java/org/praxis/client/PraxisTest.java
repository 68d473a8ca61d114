package org.praxis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.client.intake.IntakesApi;
import org.praxis.client.intake.model.CreateIntakeRequest;
import org.praxis.client.intake.model.IntakeSummary;
import org.praxis.client.intake.model.PageIntakeSummary;

/** The hand-written layer over a generated API, against a server that answers as the services do. */
class PraxisTest {
    private HttpServer server;
    private final Map<String, Map<String, List<String>>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger token = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/intakes", exchange -> {
            seen.put(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()));
            String cursor = exchange.getRequestURI().getQuery();
            boolean post = exchange.getRequestMethod().equals("POST");
            String body = post
                    ? "{\"type\":\"https://praxis.dev/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                            + "\"detail\":\"1 field is invalid\",\"errors\":[{\"field\":\"displayName\",\"message\":\"must not be blank\"}]}"
                    : cursor != null && cursor.contains("cursor=two")
                            ? "{\"items\":[{\"displayName\":\"C\"}],\"nextCursor\":null}"
                            : "{\"items\":[{\"displayName\":\"A\"},{\"displayName\":\"B\"}],\"nextCursor\":\"two\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", post ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(post ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IntakesApi intakes() {
        return new IntakesApi(Praxis.client(
                "http://127.0.0.1:" + server.getAddress().getPort(), () -> "t" + token.incrementAndGet()));
    }

    @Test
    void aProblemIsThrownTypedAndEveryPostCarriesTheTokenAndAnIdempotencyKey() {
        ProblemException refused = assertThrows(
                ProblemException.class, () -> intakes().openIntake(new CreateIntakeRequest().displayName(" "), null));
        assertEquals(400, refused.status());
        assertEquals("https://praxis.dev/problems/validation", refused.type());
        assertEquals(List.of(new ProblemException.FieldError("displayName", "must not be blank")), refused.errors());
        Map<String, List<String>> post = seen.get("POST");
        assertEquals(List.of("Bearer t1"), post.get("Authorization"));
        assertEquals(36, post.get("Idempotency-key").get(0).length());
    }

    @Test
    void pagesAreReadOneAfterAnotherAndAGetCarriesNoIdempotencyKey() {
        IntakesApi intakes = intakes();
        List<String> names = Pages.stream(
                        cursor -> intakes.listIntakes(null, cursor, null, null),
                        PageIntakeSummary::getItems,
                        PageIntakeSummary::getNextCursor)
                .map(IntakeSummary::getDisplayName)
                .toList();
        assertEquals(List.of("A", "B", "C"), names);
        assertEquals(List.of("Bearer t2"), seen.get("GET").get("Authorization"));
        assertNull(seen.get("GET").get("Idempotency-key"));
    }
}

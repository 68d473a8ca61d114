package org.praxis.client;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The client of one service, as the generated APIs take it ({@code new IntakesApi(Praxis.client(url, token))}):
 * every call carries the caller's access token, every POST an {@code Idempotency-Key} unless the caller
 * gave one, and a problem answer is thrown as a {@link ProblemException}.
 */
public final class Praxis {
    private Praxis() {}

    /**
     * @param baseUri the service's address, e.g. {@code https://intake.praxis.example}
     * @param accessToken asked before each call, so a refreshed token is used as soon as there is one
     */
    public static ApiClient client(String baseUri, Supplier<String> accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> {
            request.setHeader("Authorization", "Bearer " + accessToken.get());
            keyIfCreate(request);
        });
        client.setResponseInterceptor(ProblemException::throwIfProblem);
        return client;
    }

    /**
     * A fresh key for a POST without one: a create the transport repeats then creates once. A caller
     * that retries a create itself passes its own key to the operation, the same on each try.
     */
    private static void keyIfCreate(HttpRequest.Builder request) {
        HttpRequest sofar = request.copy().build();
        if (sofar.method().equals("POST")
                && sofar.headers().firstValue("Idempotency-Key").isEmpty()) {
            request.setHeader("Idempotency-Key", UUID.randomUUID().toString());
        }
    }
}

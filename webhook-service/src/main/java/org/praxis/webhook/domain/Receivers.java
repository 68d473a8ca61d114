package org.praxis.webhook.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The POST of one delivery to a receiver, signed as Standard Webhooks says. Redirects are not followed (a receiver
 * could point one at an internal address); the receiver's answer body is never read or kept.
 */
@ApplicationScoped
public class Receivers {
    /** The longest error an attempt keeps. */
    static final int ERROR_LENGTH = 200;

    @Inject
    WebhookConfig config;

    @Inject
    Endpoints endpoints;

    private volatile HttpClient client;

    /**
     * What one POST came to: the status code when the receiver answered, an error unless it was a 2xx; or
     * interrupted (the service stopping), which is no attempt of the receiver's.
     */
    public record Outcome(Integer statusCode, String error, boolean interrupted) {
        Outcome(Integer statusCode, String error) {
            this(statusCode, error, false);
        }
    }

    public Outcome post(String url, String webhookId, String body, List<String> secrets) {
        Optional<String> refusal = endpoints.refusal(url);
        if (refusal.isPresent()) {
            return new Outcome(null, "not sent: the endpoint " + refusal.get());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Praxis-Webhooks/1")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.header(secrets, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            // The timeout ends at the answer's headers: a body is never read, so a receiver dripping one cannot
            // hold the worker; closing the stream drops the connection.
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            response.body().close();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(null, shortly(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", true);
        }
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(config.requestTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    static String shortly(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}

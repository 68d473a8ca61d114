package org.praxis.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A service's answer as an RFC 9457 problem ({@code application/problem+json}): what was refused and why,
 * with the refused fields under {@link #errors()}. Unchecked, so it passes through the generated
 * operations, which declare only their own {@link ApiException}.
 */
public class ProblemException extends RuntimeException {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One refused field: the request's path to it and what is wrong with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(
            String type, String title, Integer status, String detail, String instance, List<FieldError> errors) {}

    private final int status;
    private final Document problem;

    ProblemException(int status, Document problem) {
        super(status + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.status = status;
        this.problem = problem;
    }

    /** Throws a non-2xx answer whose body is a problem document; leaves every other answer to the caller. */
    static void throwIfProblem(HttpResponse<InputStream> response) {
        boolean problem = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.startsWith("application/problem+json"))
                .orElse(false);
        if (response.statusCode() / 100 == 2 || !problem) {
            return;
        }
        try (InputStream body = response.body()) {
            throw new ProblemException(response.statusCode(), JSON.readValue(body, Document.class));
        } catch (IOException e) {
            throw new UncheckedIOException("an unreadable problem document (HTTP " + response.statusCode() + ")", e);
        }
    }

    public int status() {
        return status;
    }

    /** The problem's type, e.g. {@code https://praxis.dev/problems/rule-violation}. */
    public String type() {
        return problem.type();
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    public List<FieldError> errors() {
        return problem.errors() == null ? List.of() : problem.errors();
    }
}

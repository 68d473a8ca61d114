package org.praxis.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists field-level validation failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, String instance, List<Violation> errors, String errorId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are relative URIs under this prefix; documented in the OpenAPI of each service. */
    public static final String TYPE_PREFIX = "https://praxis.dev/problems/";
    /** A problem lists at most this many field errors, so a huge invalid body gets a small answer. */
    public static final int MAX_FIELD_ERRORS = 20;

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public Problem withErrors(List<Violation> fieldErrors) {
        List<Violation> kept = fieldErrors == null || fieldErrors.size() <= MAX_FIELD_ERRORS
                ? fieldErrors
                : List.copyOf(fieldErrors.subList(0, MAX_FIELD_ERRORS));
        return new Problem(type, title, status, detail, instance, kept, errorId);
    }

    /** The request path; a long one (an over-long path parameter) is cut, so a problem never echoes it whole. */
    public Problem withInstance(String path) {
        String kept = path == null || path.length() <= 200 ? path : path.substring(0, 200) + "…";
        return new Problem(type, title, status, detail, kept, errors, errorId);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }
}

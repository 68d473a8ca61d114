package org.praxis.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a service as {@code application/problem+json}, never as a stack trace or SQL:
 * unexpected failures get an error id that is logged with the cause.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The type slug and title of a request that breaks a field's constraints (the documented example). */
    static final String VALIDATION = "validation";

    static final String VALIDATION_TITLE = "Validation failed";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Violation::field));
        return respond(
                Problem.of(422, VALIDATION, VALIDATION_TITLE, "The request has " + errors.size() + " invalid field(s).")
                        .withErrors(errors),
                uri);
    }

    /**
     * Clients know the fields of their body or the names of their query parameters, not Java methods:
     * {@code create.request.answers[3]} becomes {@code answers[3]}, {@code list.limit} becomes {@code limit}.
     */
    static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i + 1 < nodes.size();
            if (node.getKind() == ElementKind.METHOD || bodyParameter) {
                continue;
            }
            // Hibernate Validator puts an element's index or key on the node after the container:
            // items[1].linkId, answers[9].
            if (node.isInIterable()) {
                field.append('[')
                        .append(node.getIndex() != null ? node.getIndex().toString() : keyOf(node.getKey()))
                        .append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(name);
        }
        return field.isEmpty() ? "body" : bounded(field.toString());
    }

    /** A map key is the client's own input: named when it is a short plain name, never echoed at length. */
    private static String keyOf(Object key) {
        String k = key == null ? "" : key.toString();
        return k.length() <= 64 && k.matches("[A-Za-z0-9._-]+") ? k : "?";
    }

    private static String bounded(String field) {
        return field.length() <= 200 ? field : field.substring(0, 200) + "…";
    }

    @ServerExceptionMapper({
        JsonParseException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        JsonMappingException.class,
        JsonProcessingException.class
    })
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail = "The request body is not valid JSON for this operation";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail += " (at " + pathOf(mapping) + ")";
        }
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", detail + "."), uri);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(keyOf(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return bounded(sb.toString());
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        return respond(
                Problem.of(
                        409,
                        "concurrent-change",
                        "Changed concurrently",
                        "Someone else changed this resource at the same time; read it again and retry."),
                uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(
                        Problem.of(
                                401,
                                "unauthenticated",
                                "Authentication required",
                                "Send a valid, unexpired bearer token from the configured issuer."),
                        uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                Problem.of(403, "forbidden", "Forbidden", "Your roles or tenant do not allow this operation."), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder response =
                Response.fromResponse(respond(Problem.of(status, "http-" + status, reason, e.getMessage()), uri));
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        return respond(
                Problem.of(
                                500,
                                "internal",
                                "Internal error",
                                "Something went wrong on our side; quote the error id when you report it.")
                        .withErrorId(errorId),
                uri);
    }

    static Response respond(Problem problem, UriInfo uri) {
        Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }
}

package org.praxis.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.praxis.platform.problem.Problem;

/**
 * A client generated from an OpenAPI document may send {@code Accept: application/problem+json} alone
 * (what it expects when things go wrong): its success is still answered as JSON instead of 406, by
 * accepting {@code application/json} beside it before the operation is matched.
 */
public class ProblemAccept {
    @ServerRequestFilter(preMatching = true)
    public void acceptJsonBesideProblems(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && acceptsProblemsButNotJson(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }

    /** Media types compare case-insensitively and without their parameters (RFC 9110, 8.3.1). */
    static boolean acceptsProblemsButNotJson(String accept) {
        String lower = accept.toLowerCase(Locale.ROOT);
        if (!lower.contains(Problem.MEDIA_TYPE)) {
            return false;
        }
        List<String> types = Arrays.stream(lower.split(","))
                .map(range -> range.split(";", 2)[0].trim())
                .toList();
        return types.contains(Problem.MEDIA_TYPE)
                && !types.contains(MediaType.APPLICATION_JSON)
                && !types.contains("application/*")
                && !types.contains("*/*");
    }
}

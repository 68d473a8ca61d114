package org.praxis.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
        if (accept != null && accept.contains(Problem.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON);
        }
    }
}

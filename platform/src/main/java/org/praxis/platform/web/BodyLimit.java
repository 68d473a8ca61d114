package org.praxis.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.praxis.platform.problem.Problem;

/**
 * Answers a request whose declared body is larger than {@code quarkus.http.limits.max-body-size}
 * with 413 as problem+json before anything reads it (Vert.x alone would answer an empty 413, and
 * still does for a chunked body that grows past the limit). The cap is per service: generous only
 * where an import needs it.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > max) {
                Problem problem = Problem.of(
                        413,
                        "body-too-large",
                        "Request body too large",
                        "The body is " + declared + " bytes; this service accepts at most " + max + ".");
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(Json.encode(problem));
                return;
            }
            ctx.next();
        });
    }
}

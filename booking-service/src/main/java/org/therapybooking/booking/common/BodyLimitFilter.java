package org.therapybooking.booking.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Refuses oversized bodies with a 413 problem+json before anything reads them. Declared lengths are checked here
 * against {@code quarkus.http.limits.max-body-size}; Vert.x enforces the same limit (bare 413) on chunked uploads.
 */
@ApplicationScoped
public class BodyLimitFilter {

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        router.route().order(-200).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > limit) {
                    Problem problem = Problem.of(413, "Payload Too Large",
                            "The request body exceeds " + limit + " bytes", ctx.request().path(), java.util.List.of());
                    String body;
                    try {
                        body = mapper.writeValueAsString(problem);
                    } catch (JsonProcessingException e) {
                        body = "{\"status\":413}";
                    }
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(body);
                    return;
                }
            }
            ctx.next();
        });
    }
}

package org.therapybooking.meetinglink.common;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers an oversized request (declared Content-Length above quarkus.http.limits.max-body-size) with a
 * problem+json 413 before the body is read. A chunked body without Content-Length that grows past the limit is
 * still cut off by Vert.x, with a bare 413.
 */
@Singleton
public class BodyLimit {

    private static final String BODY = "{\"type\":\"" + Problem.TOO_LARGE + "\",\"title\":\"Payload too large\","
            + "\"status\":413,\"detail\":\"The request body is larger than %d bytes.\"}";

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        String body = String.format(BODY, limit);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    declared = -1;
                }
                if (declared > limit) {
                    ctx.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(body);
                    return;
                }
            }
            ctx.next();
        });
    }
}

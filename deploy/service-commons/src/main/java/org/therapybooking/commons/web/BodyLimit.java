package org.therapybooking.commons.web;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.therapybooking.commons.problem.Problem;
import org.therapybooking.commons.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size} with a 413
 * problem before the body is read. A chunked body that grows past the limit is still cut off by Vert.x itself
 * (a bare 413): the limit holds either way, only the body of that answer differs.
 */
@Singleton
public class BodyLimit {

    void install(@Observes Router router, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        long limit = maxBodySize.asLongValue();
        String detail = "The request body is larger than " + limit + " bytes.";
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declared(length) > limit) {
                String body;
                try {
                    body = mapper.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, detail, ctx.request().path(), List.of()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                ctx.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static long declared(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

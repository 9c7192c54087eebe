package org.therapybooking.meetinglink.common;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The one exception-mapper set of this service: everything leaves as application/problem+json. Request bodies
 * and URLs are never logged (a response may carry a token, a request carries personal data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response fieldErrors(FieldErrorException e) {
        return problem(Problem.validation(e.errors()));
    }

    /** More specific than Quarkus REST's own MismatchedInputException mapper, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            return problem(Problem.validation(List.of(new FieldError(field, "has the wrong type or format"))));
        }
        return problem(new Problem(Problem.MALFORMED, "Malformed request", 400,
                "The request body is not valid JSON.", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return problem(new Problem("urn:therapy-booking:problem:" + slug, title, status, title + ".", null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        // class name only: messages of library exceptions can echo request data
        LOG.errorf("unexpected %s while building a meeting link", e.getClass().getName());
        return problem(new Problem(Problem.INTERNAL, "Internal error", 500, "The link could not be built.", null));
    }

    static Response problem(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}

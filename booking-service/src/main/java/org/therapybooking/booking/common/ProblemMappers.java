package org.therapybooking.booking.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where exceptions become RFC 7807 problem+json responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder builder = problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
        if (e.retryAfterSeconds() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return problem(400, "Bad Request", "The request is invalid", uri, errors).build();
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(400, "Bad Request", "Unknown or read-only field", uri,
                List.of(new Problem.FieldError(e.getPropertyName(), "is not accepted in this request"))).build();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return problem(400, "Bad Request", "The request is invalid", uri,
                List.of(new Problem.FieldError(jsonPath(e), "has an invalid format"))).build();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "has an invalid value"));
        return problem(400, "Bad Request", "The request body is not valid JSON for this endpoint", uri, errors)
                .build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Bad Request", "The request body is not valid JSON", uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "You are not allowed to do this", uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder builder = problem(status, original.getStatusInfo().getReasonPhrase(),
                detailFor(status, e), uri, List.of());
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        SQLException sql = sqlCause(e);
        if (sql != null && ("23P01".equals(sql.getSQLState()) || "23505".equals(sql.getSQLState()))) {
            // exclusion/unique constraints are the last line against races the service checks missed
            return problem(409, "Conflict", "The change conflicts with existing data", uri, List.of()).build();
        }
        LOG.error("Unhandled error on " + uri.getPath(), e);
        return problem(500, "Internal Server Error", "An unexpected error occurred", uri, List.of()).build();
    }

    public static Response.ResponseBuilder problem(int status, String title, String detail, UriInfo uri,
            List<Problem.FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, instance, errors));
    }

    private static Response unauthenticated(UriInfo uri) {
        return problem(401, "Unauthorized", "A valid bearer token is required", uri, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "The resource does not exist";
            case 405 -> "The method is not allowed on this resource";
            case 406 -> "The requested representation is not available";
            case 413 -> "The request body is too large";
            case 415 -> "The content type is not supported; send application/json";
            default -> e.getMessage();
        };
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON name of the violated property: the last path node in snake_case. */
    static String fieldName(Path path) {
        String last = null;
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                last = node.getName();
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && last == null) {
                last = node.getName();
            }
        }
        if (last == null) {
            return "";
        }
        return last.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}

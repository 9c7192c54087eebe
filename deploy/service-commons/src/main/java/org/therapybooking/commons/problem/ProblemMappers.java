package org.therapybooking.commons.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become {@code application/problem+json} answers, in every service. Request
 * bodies are never echoed or logged (they carry personal data).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Unique and exclusion constraints: the database's last line against a race the service's checks missed. */
    private static final Set<String> CONFLICT_STATES = Set.of("23505", "23P01");
    /** SQLSTATE class 22, data exception: out of range, invalid text, bad datetime... */
    private static final String DATA_EXCEPTION = "22";
    /** Serialization failure and deadlock: the same request may succeed when sent again. */
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "53300", "57P01", "57P02", "57P03");

    /** Retry-After of the 503 answered while the database cannot be reached (e.g. during a restart). */
    private final long databaseRetryAfterSeconds;

    public ProblemMappers(
            @ConfigProperty(name = "problems.database-outage-retry-after-seconds", defaultValue = "2") long databaseRetryAfterSeconds) {
        this.databaseRetryAfterSeconds = databaseRetryAfterSeconds;
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.errors(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", uri,
                List.of(new FieldError(e.field(), e.reason())), null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", uri, errors, null);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, "The request has invalid fields.", uri,
                List.of(new FieldError(jsonPath(e), "is not accepted in this request")), null);
    }

    /** More specific than Quarkus REST's own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String message = e instanceof UnstorableTextException ? e.getOriginalMessage()
                    : "has the wrong type or format";
            return respond(ProblemType.VALIDATION, "The request has invalid fields.", uri,
                    List.of(new FieldError(jsonPath(mapping), message)), null);
        }
        return respond(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON for this endpoint.", uri,
                List.of(), null);
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
        return respond(ProblemType.FORBIDDEN, "You are not allowed to do this.", uri, List.of(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder = builder(type, detailFor(status), uri, List.of(), null);
        if (type.status() != status) {
            builder.status(status);
        }
        // keep what the framework said besides the body (Allow on a 405, WWW-Authenticate on a 401, ...)
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        SQLException sql = sqlCause(e);
        if (sql != null && CONFLICT_STATES.contains(sql.getSQLState())) {
            return respond(ProblemType.CONFLICT, "The change conflicts with existing data.", uri, List.of(), null);
        }
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith(DATA_EXCEPTION)) {
            // a value the validation let through but the column cannot hold (a date beyond its range, NUL in a
            // query parameter); the transaction is rolled back, so it is the request's fault and nothing was written
            LOG.warnf("data exception %s on %s: %s", sql.getSQLState(), path(uri), sql.getMessage());
            return respond(ProblemType.VALIDATION, "A value in the request is outside what the service can store.",
                    uri, List.of(), null);
        }
        if (databaseUnavailable(sql)) {
            LOG.warnf("database unavailable on %s: %s", path(uri), sql.getMessage());
            return respond(ProblemType.UNAVAILABLE, "The service cannot reach its database right now; try again shortly.",
                    uri, List.of(), databaseRetryAfterSeconds);
        }
        LOG.errorf(e, "unhandled %s on %s", e.getClass().getName(), path(uri));
        return respond(ProblemType.INTERNAL, "An unexpected error occurred.", uri, List.of(), null);
    }

    /** The problem answer for a type, as every mapper here builds it; for code outside the mappers (filters). */
    public static Response.ResponseBuilder builder(ProblemType type, String detail, UriInfo uri, List<FieldError> errors,
            Long retryAfterSeconds) {
        Response.ResponseBuilder builder = Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(type, detail, path(uri), errors));
        if (retryAfterSeconds != null) {
            builder.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return builder;
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, List<FieldError> errors,
            Long retryAfterSeconds) {
        return builder(type, detail, uri, errors, retryAfterSeconds).build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return builder(ProblemType.UNAUTHORIZED, "A valid bearer token is required.", uri, List.of(), null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "The resource does not exist.";
            case 405 -> "The method is not allowed on this resource.";
            case 406 -> "The requested representation is not available.";
            case 413 -> "The request body is too large.";
            case 415 -> "The content type is not supported; send application/json.";
            default -> "The request could not be processed.";
        };
    }

    static boolean databaseUnavailable(SQLException sql) {
        if (sql == null) {
            return false;
        }
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || RETRYABLE_STATES.contains(state))) {
            return true;
        }
        // Agroal: no connection could be had from the pool in time (the server is down or restarting)
        String message = sql.getMessage();
        return state == null && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }

    /** The JSON path of a Jackson error, in the request's own (snake_case) names. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    /**
     * The snake_case path of a violated property below the method parameter ({@code participant.first_name},
     * {@code requests[2].room}); a violation on a parameter itself (a query parameter) names the parameter.
     */
    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        out.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!out.isEmpty()) {
                            out.append('.');
                        }
                        out.append(snakeCase(node.getName()));
                    }
                }
            }
        }
        if (!out.isEmpty()) {
            return out.toString();
        }
        return parameter == null ? "body" : snakeCase(parameter);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The first SQLException among the causes, and among their suppressed exceptions: a commit that fails is
     * reported by the transaction manager as a RollbackException whose reason (the XA error, caused by the
     * driver's SQLException) is only attached as suppressed, e.g. when the database restarts during the commit.
     */
    static SQLException sqlCause(Throwable e) {
        return sqlCause(e, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static SQLException sqlCause(Throwable e, Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                SQLException sql = sqlCause(suppressed, seen);
                if (sql != null) {
                    return sql;
                }
            }
        }
        return null;
    }
}

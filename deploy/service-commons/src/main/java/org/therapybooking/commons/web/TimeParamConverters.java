package org.therapybooking.commons.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.therapybooking.commons.problem.InvalidParameterException;
import org.therapybooking.commons.time.InstantOrDate;
import org.therapybooking.commons.time.TimeZones;

/**
 * Reads {@link Instant} ({@code 2026-12-01T10:00:00Z}), {@link LocalDate} ({@code 2026-12-01}), {@link InstantOrDate}
 * (either) and {@link ZoneId} ({@code Europe/Berlin}) parameters; a value that does not parse is a validation problem naming the parameter.
 */
@Provider
public class TimeParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, Instant::parse, "must be an ISO-8601 instant, e.g. 2026-12-01T10:00:00Z");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, LocalDate::parse, "must be a date as YYYY-MM-DD");
        }
        if (rawType == InstantOrDate.class) {
            return (ParamConverter<T>) converter(name, InstantOrDate::parse, "must be an ISO-8601 instant or a date as YYYY-MM-DD");
        }
        if (rawType == ZoneId.class) {
            return (ParamConverter<T>) converter(name, TimeZones::parse, "must be an IANA time zone, e.g. Europe/Berlin");
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String reason) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                V parsed;
                try {
                    parsed = parse.apply(value.trim());
                } catch (DateTimeException e) {
                    throw new InvalidParameterException(name, reason);
                }
                if (!storable(parsed)) {
                    throw new InvalidParameterException(name, "must be between the years 1 and 9999");
                }
                return parsed;
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /** Within PostgreSQL's and JSON's everyday range: a year of four digits (timestamptz itself ends in 294276). */
    private static boolean storable(Object value) {
        Instant instant = value instanceof InstantOrDate either ? either.instant()
                : value instanceof Instant i ? i : null;
        int year = instant != null ? instant.atOffset(ZoneOffset.UTC).getYear()
                : value instanceof LocalDate date ? date.getYear() : 1;
        return year >= 1 && year <= 9999;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}

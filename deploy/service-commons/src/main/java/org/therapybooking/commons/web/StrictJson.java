package org.therapybooking.commons.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.therapybooking.commons.problem.UnstorableTextException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies as every service reads them: a member named twice is malformed (not "the last one wins", and not
 * a 500 from a record's creator), so is anything after the JSON value ({@code {}garbage}), and text must be storable: no NUL (PostgreSQL's text refuses it) and no unpaired
 * surrogate (not Unicode; it would be stored as '?'). Both are answered as 400 by ProblemMappers.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableText()));
    }

    static final class StorableText extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String problem = value == null ? null : problem(value);
            if (problem != null) {
                throw new UnstorableTextException(parser, problem);
            }
            return value;
        }
    }

    /** Why {@code value} cannot be stored as text, or null. */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired surrogates (not Unicode text)";
            }
        }
        return null;
    }
}

package org.therapybooking.commons.persistence;

import java.lang.reflect.ParameterizedType;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose constants have a stable external name (database value, wire value, metric tag) apart from the
 * Java constant name: by default the constant's name in lower case ({@code MEETING_INFO} is {@code meeting_info}),
 * which is how every state is spelled in the databases, the events and the APIs.
 *
 * <p>An enum stored with JPA declares its converter in one line, which Hibernate then applies to every attribute
 * of that type:
 * <pre>{@code
 * @jakarta.persistence.Converter(autoApply = true)
 * public static class Column extends Coded.Converter<BookingStatus> {
 * }
 * }</pre>
 */
public interface Coded {

    /** The enum constant's name (implemented by every enum). */
    String name();

    /** The stored and wire value. */
    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} with this code; {@link IllegalArgumentException} for an unknown one. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + code);
    }

    /** Stores a {@link Coded} enum as its code; the enum type is read from the subclass' type argument. */
    abstract class Converter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {
        private final Class<E> type;

        @SuppressWarnings("unchecked")
        protected Converter() {
            this.type = (Class<E>) ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.code();
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(type, code);
        }
    }
}

package org.therapybooking.notification.common;

import java.util.Arrays;

import jakarta.persistence.AttributeConverter;

/**
 * An enum whose constants have a stable external name (database value, wire value, metric tag) apart from the
 * Java constant name.
 */
public interface Coded {

    /** The stored and wire value. */
    String code();

    /** The constant of {@code type} with this code; {@link IllegalArgumentException} for an unknown one. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " " + code));
    }

    /** Stores a {@link Coded} enum as its code. */
    abstract class Converter<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.code();
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return code == null ? null : Coded.fromCode(type, code);
        }
    }
}

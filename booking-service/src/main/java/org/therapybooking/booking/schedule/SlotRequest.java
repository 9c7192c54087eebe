package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST} and {@code PUT /api/admin/schedules[/{id}]}. The original API's names ({@code start_time},
 * {@code end_time}, {@code max_bookings}) and this project's ({@code starts_at}, {@code ends_at},
 * {@code capacity}) are both accepted; sending both with different values is refused. A partial update must tell
 * an absent field (unchanged) from an explicit {@code null} (refused): each field is an {@link Optional} that
 * Jackson leaves {@code null} when the field is absent and sets empty for an explicit {@code null}.
 */
public final class SlotRequest {

    @JsonProperty("start_time")
    private Optional<Instant> startTime;
    @JsonProperty("starts_at")
    private Optional<Instant> startsAt;
    @JsonProperty("end_time")
    private Optional<Instant> endTime;
    @JsonProperty("ends_at")
    private Optional<Instant> endsAt;
    @JsonProperty("max_bookings")
    private Optional<@Min(1) @Max(100) Integer> maxBookings;
    @JsonProperty("capacity")
    private Optional<@Min(1) @Max(100) Integer> capacity;
    @JsonProperty("amount")
    private Optional<@DecimalMin("0.00") @DecimalMax("1000000.00") BigDecimal> amount;
    @JsonProperty("currency")
    private Optional<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String> currency;
    @JsonProperty("is_available")
    private Optional<Boolean> isAvailable;
    /** Whose slot it is (create only; a practice admin may name another staff member, default: the caller). */
    @JsonProperty("therapist_id")
    private Optional<@Min(1) Long> therapistId;

    /** The therapist the new slot is for, null when the body does not say. */
    Long therapistId() {
        return therapistId == null ? null : therapistId.orElse(null);
    }

    /**
     * The change this body asks for: null components are left as they are (update) or take their default
     * (create). Refuses explicit nulls and two spellings of one field with different values.
     */
    ScheduleService.SlotChange toChange() {
        List<FieldError> errors = new ArrayList<>();
        Instant start = either("start_time", startTime, "starts_at", startsAt, errors);
        Instant end = either("end_time", endTime, "ends_at", endsAt, errors);
        Integer places = either("max_bookings", maxBookings, "capacity", capacity, errors);
        BigDecimal price = valueOf("amount", amount, errors);
        String currencyCode = valueOf("currency", currency, errors);
        Boolean available = valueOf("is_available", isAvailable, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ScheduleService.SlotChange(start, end, places, price, currencyCode, available);
    }

    /** The field's value, null when it is absent; an explicit null is an error. */
    private static <T> T valueOf(String field, Optional<T> value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            errors.add(new FieldError(field, "must not be null"));
        }
        return value.orElse(null);
    }

    private static <T> T either(String original, Optional<T> originalValue, String ours, Optional<T> ourValue,
            List<FieldError> errors) {
        T fromOriginal = valueOf(original, originalValue, errors);
        T fromOurs = valueOf(ours, ourValue, errors);
        if (fromOriginal != null && fromOurs != null && !Objects.equals(fromOriginal, fromOurs)) {
            errors.add(new FieldError(ours, "differs from " + original + " (the same field in the original API's "
                    + "name); send one of them"));
        }
        return fromOriginal != null ? fromOriginal : fromOurs;
    }
}

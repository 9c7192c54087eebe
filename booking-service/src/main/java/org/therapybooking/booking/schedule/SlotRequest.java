package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
 * {@code capacity}) are both accepted; sending both with different values is refused. A class rather than a
 * record because a partial update must tell an absent field (unchanged) from an explicit {@code null} (refused).
 */
public final class SlotRequest {

    private final Set<String> present = new HashSet<>();

    private Instant startTime;
    private Instant startsAt;
    private Instant endTime;
    private Instant endsAt;
    @Min(1) @Max(100)
    private Integer maxBookings;
    @Min(1) @Max(100)
    private Integer capacity;
    @DecimalMin("0.00") @DecimalMax("1000000.00")
    private BigDecimal amount;
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
    private String currency;
    private Boolean isAvailable;

    @JsonProperty("start_time")
    void startTime(Instant value) {
        present.add("start_time");
        startTime = value;
    }

    @JsonProperty("starts_at")
    void startsAt(Instant value) {
        present.add("starts_at");
        startsAt = value;
    }

    @JsonProperty("end_time")
    void endTime(Instant value) {
        present.add("end_time");
        endTime = value;
    }

    @JsonProperty("ends_at")
    void endsAt(Instant value) {
        present.add("ends_at");
        endsAt = value;
    }

    @JsonProperty("max_bookings")
    void maxBookings(Integer value) {
        present.add("max_bookings");
        maxBookings = value;
    }

    @JsonProperty("capacity")
    void capacity(Integer value) {
        present.add("capacity");
        capacity = value;
    }

    @JsonProperty("amount")
    void amount(BigDecimal value) {
        present.add("amount");
        amount = value;
    }

    @JsonProperty("currency")
    void currency(String value) {
        present.add("currency");
        currency = value;
    }

    @JsonProperty("is_available")
    void isAvailable(Boolean value) {
        present.add("is_available");
        isAvailable = value;
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
        for (String field : List.of("amount", "currency", "is_available")) {
            if (present.contains(field) && valueOf(field) == null) {
                errors.add(new FieldError(field, "must not be null"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new ScheduleService.SlotChange(start, end, places, amount, currency, isAvailable);
    }

    private Object valueOf(String field) {
        return switch (field) {
            case "amount" -> amount;
            case "currency" -> currency;
            default -> isAvailable;
        };
    }

    private <T> T either(String original, T originalValue, String ours, T ourValue, List<FieldError> errors) {
        boolean hasOriginal = present.contains(original);
        boolean hasOurs = present.contains(ours);
        if (hasOriginal && originalValue == null) {
            errors.add(new FieldError(original, "must not be null"));
        }
        if (hasOurs && ourValue == null) {
            errors.add(new FieldError(ours, "must not be null"));
        }
        if (originalValue != null && ourValue != null && !Objects.equals(originalValue, ourValue)) {
            errors.add(new FieldError(ours, "differs from " + original + " (the same field in the original API's "
                    + "name); send one of them"));
        }
        return originalValue != null ? originalValue : ourValue;
    }
}

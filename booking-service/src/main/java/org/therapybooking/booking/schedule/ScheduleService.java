package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.user.User;

@ApplicationScoped
public class ScheduleService {

    /** Slots are at most one day long, as the event schema bounds the duration. */
    private static final long MAX_MINUTES = 1440;

    private final Clock clock;
    private final BookingConfig config;

    public ScheduleService(Clock clock, BookingConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** What a request sets; a null component is left unchanged (update) or takes its default (create). */
    public record SlotChange(Instant startsAt, Instant endsAt, Integer capacity, BigDecimal amount, String currency,
            Boolean available) {
    }

    /** A complete slot, checked. */
    private record Slot(Instant startsAt, Instant endsAt, int capacity, BigDecimal amount, String currency,
            boolean available) {
    }

    /**
     * @param therapistId whose slot it is: the caller's own, or (practice admins only, checked by the caller) another
     *     active staff member's
     */
    @Transactional
    public ScheduleView create(long therapistId, SlotChange change) {
        // the therapist's row lock serializes one therapist's slot changes; the exclusion constraint backs it up
        User therapist = User.lock(therapistId);
        if (therapist == null || !therapist.role.isStaff() || therapist.deactivatedAt != null) {
            throw ApiException.invalid("therapist_id", "must be an active staff member");
        }
        List<FieldError> missing = new java.util.ArrayList<>();
        if (change.startsAt() == null) {
            missing.add(new FieldError("start_time", "is required (or starts_at)"));
        }
        if (change.endsAt() == null) {
            missing.add(new FieldError("end_time", "is required (or ends_at)"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        BookingConfig.Practice practice = config.practice();
        Slot valid = validate(new Slot(change.startsAt(), change.endsAt(),
                change.capacity() == null ? 1 : change.capacity(),
                change.amount() == null ? practice.defaultAmount() : change.amount(),
                change.currency() == null ? practice.defaultCurrency() : change.currency(),
                change.available() == null || change.available()));
        if (Schedule.overlapsOtherSlot(therapistId, valid.startsAt(), valid.endsAt(), null)) {
            throw ApiException.conflict("The slot overlaps another slot of the same therapist");
        }
        Schedule schedule = new Schedule();
        schedule.therapist = therapist;
        apply(schedule, valid);
        schedule.createdAt = clock.instant();
        schedule.persistAndFlush();
        return ScheduleView.of(schedule, 0);
    }

    /**
     * A partial update: what the change leaves null stays as it is. A practice admin may change any slot, a
     * therapist only theirs; the slot stays with its therapist. Switching a slot off leaves its bookings as they are.
     */
    /** @param therapistScope a therapist may change only their own slots (null: a practice admin, any slot) */
    @Transactional
    public ScheduleView update(long scheduleId, SlotChange change, Long therapistScope) {
        Schedule existing = Schedule.findById(scheduleId);
        if (existing == null || therapistScope != null && existing.therapist.id != therapistScope.longValue()) {
            throw ApiException.notFound("Schedule");
        }
        User.lock(existing.therapist.id);
        Schedule schedule = Schedule.lock(scheduleId);
        boolean timeChanges = change.startsAt() != null && !change.startsAt().equals(schedule.startsAt)
                || change.endsAt() != null && !change.endsAt().equals(schedule.endsAt);
        Slot merged = new Slot(change.startsAt() == null ? schedule.startsAt : change.startsAt(),
                change.endsAt() == null ? schedule.endsAt : change.endsAt(),
                change.capacity() == null ? schedule.capacity : change.capacity(),
                change.amount() == null ? schedule.amount : change.amount(),
                change.currency() == null ? schedule.currency : change.currency(),
                change.available() == null ? schedule.available : change.available());
        // a slot that has started may still be switched off or repriced; only a new time must lie ahead
        Slot valid = timeChanges ? validate(merged) : checkPrice(merged);
        long active = Schedule.activeBookings(scheduleId);
        if (active > 0 && (!schedule.startsAt.equals(valid.startsAt()) || !schedule.endsAt.equals(valid.endsAt()))) {
            throw ApiException.conflict("The slot has bookings; its time cannot change (reschedule the bookings)");
        }
        if (valid.capacity() < active) {
            throw ApiException.conflict("The slot already has " + active + " bookings");
        }
        if (Schedule.overlapsOtherSlot(schedule.therapist.id, valid.startsAt(), valid.endsAt(), scheduleId)) {
            throw ApiException.conflict("The slot overlaps another slot of the same therapist");
        }
        apply(schedule, valid);
        schedule.flush();
        return ScheduleView.of(schedule, active);
    }

    /** @param therapistId only this therapist's slots (a therapist's own view, or a practice admin's filter) */
    @Transactional
    public List<ScheduleView> listAll(Instant from, Instant to, Long therapistId) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder query = new StringBuilder("select s from Schedule s join fetch s.therapist where 1 = 1");
        if (therapistId != null) {
            query.append(" and s.therapist.id = :therapistId");
            params.put("therapistId", therapistId);
        }
        if (from != null) {
            query.append(" and s.startsAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and s.startsAt < :to");
            params.put("to", to);
        }
        List<Schedule> slots = Schedule.<Schedule>find(query.append(" order by s.startsAt, s.id").toString(), params)
                .list();
        Map<Long, Long> counts = activeCounts(slots);
        return slots.stream().map(s -> ScheduleView.of(s, counts.getOrDefault(s.id, 0L))).toList();
    }

    /**
     * Open slots (available, in the future, with room left, of an active therapist) starting on the given local
     * date; only one therapist's when {@code therapistId} is given.
     */
    @Transactional
    public List<ScheduleView> listOpen(LocalDate date, ZoneId zone, Long therapistId) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        List<Schedule> slots = Schedule.find(
                "select s from Schedule s join fetch s.therapist t where s.startsAt >= ?1 and s.startsAt < ?2 "
                        + "and s.startsAt > ?3 and s.available = true and t.deactivatedAt is null "
                        + "and (?4 = 0L or t.id = ?4) order by s.startsAt, s.id", from, to, now,
                therapistId == null ? 0L : therapistId)
                .list();
        Map<Long, Long> counts = activeCounts(slots);
        return slots.stream().map(s -> ScheduleView.of(s, counts.getOrDefault(s.id, 0L)))
                .filter(v -> v.remainingCapacity() > 0).toList();
    }

    private Map<Long, Long> activeCounts(List<Schedule> slots) {
        return slots.isEmpty() ? Map.of() : Schedule.activeBookings(slots.stream().map(s -> s.id).toList());
    }

    private Slot validate(Slot slot) {
        Instant start = slot.startsAt().truncatedTo(ChronoUnit.SECONDS);
        Instant end = slot.endsAt().truncatedTo(ChronoUnit.SECONDS);
        if (!start.isAfter(clock.instant())) {
            throw ApiException.invalid("starts_at", "must be in the future");
        }
        if (!end.isAfter(start)) {
            throw ApiException.invalid("ends_at", "must be after starts_at");
        }
        if (ChronoUnit.MINUTES.between(start, end) > MAX_MINUTES || ChronoUnit.MINUTES.between(start, end) < 1) {
            throw ApiException.invalid("ends_at", "the slot must last between 1 minute and 24 hours");
        }
        return checkPrice(new Slot(start, end, slot.capacity(), slot.amount(), slot.currency(), slot.available()));
    }

    private static Slot checkPrice(Slot slot) {
        if (slot.amount().scale() > 2) {
            throw ApiException.invalid("amount", "must have at most 2 decimals");
        }
        return new Slot(slot.startsAt(), slot.endsAt(), slot.capacity(),
                slot.amount().setScale(2, RoundingMode.UNNECESSARY), slot.currency(), slot.available());
    }

    private void apply(Schedule schedule, Slot valid) {
        schedule.startsAt = valid.startsAt();
        schedule.endsAt = valid.endsAt();
        schedule.capacity = valid.capacity();
        schedule.amount = valid.amount();
        schedule.currency = valid.currency();
        schedule.available = valid.available();
        schedule.updatedAt = clock.instant();
    }
}

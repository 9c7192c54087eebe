package org.therapybooking.notification.booking;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The booking snapshots, by booking id. */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<BookingRecord, Long> {
}

package org.therapybooking.commons.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.IntSupplier;

/** Helpers for native SQL: the values a JDBC driver or Hibernate hands back, and batched deletes. */
public final class SqlValues {

    private SqlValues() {
    }

    /**
     * A {@code timestamptz} column of a native query as an instant, whichever type it came as (Hibernate 7 gives
     * {@link Instant} or {@link OffsetDateTime}, plain JDBC {@link Timestamp}); null stays null.
     */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * Runs {@code deleteBatch} (one batch of at most {@code batchSize} rows, in its own transaction) until a batch
     * deletes fewer: a purge never holds many locks for long. Returns the rows deleted in all.
     */
    public static long deleteInBatches(int batchSize, IntSupplier deleteBatch) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteBatch.getAsInt();
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}

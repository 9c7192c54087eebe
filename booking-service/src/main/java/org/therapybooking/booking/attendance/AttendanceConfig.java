package org.therapybooking.booking.attendance;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The attendance job ({@link AttendanceJob}): session outcomes once a join window has closed, and the "your client
 * is waiting" alert to the therapist. The join window itself is {@code booking.join-links.*}.
 */
@ConfigMapping(prefix = "booking.attendance")
public interface AttendanceConfig {

    /** How often the job looks for ended sessions and waiting clients; also the alert's worst-case delay. */
    @WithDefault("30s")
    String checkInterval();

    /**
     * The therapist gets one "your client is waiting" email when the client has joined and the therapist has not
     * this long after the session's start ({@code HOST_ALERT_AFTER}, default 5 minutes).
     */
    Duration hostAlertAfter();

    /** Bookings handled per transaction; one run repeats until fewer are due. */
    @WithDefault("100")
    int batchSize();
}

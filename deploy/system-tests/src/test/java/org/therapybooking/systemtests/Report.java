package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table of counts per scenario, printed and written to target/system-tests/report.md. */
final class Report {
    record Row(String scenario, int requests, int ok, int status5xx, int status500, int otherFailures,
            int committedBehindFailure, int events, int kafkaRedeliveries, int emails, int duplicates, int sameMessageIdResends, int lost,
            double recoverySeconds, String notes) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final String title;

    Report(String title) {
        this.title = title;
    }

    synchronized void add(Row row) {
        rows.add(row);
        System.out.println(header() + "\n" + line(row));
    }

    synchronized String markdown() {
        StringBuilder sb = new StringBuilder("### " + title + "\n\n").append(header()).append('\n');
        rows.forEach(r -> sb.append(line(r)).append('\n'));
        sb.append("\nrequests: booking attempts; ok: 2xx; 5xx (of them 500); other: no answer (connection cut, "
                + "timeout) or 4xx; behind failure: bookings committed although the client got no 2xx (found by their "
                + "event); events: bookings with their booking.created on Kafka; redelivered: records with an event id "
                + "seen before (at-least-once relay); emails: meeting-info emails for these bookings (client + "
                + "therapist); duplicates: emails with a Message-ID beyond one per booking and recipient (what a person sees twice); same-id re-sends: deliveries of a Message-ID beyond its first (the one re-send of an unknown SMTP outcome, shown once by mail clients); lost: bookings without event plus "
                + "recipients without email at the deadline; recovery: seconds from the end of the fault until the last "
                + "event and email arrived.\n");
        rows.stream().filter(r -> !r.notes().isEmpty())
                .forEach(r -> sb.append("\n- **").append(r.scenario()).append("**: ").append(r.notes()));
        return sb.append('\n').toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header() {
        return "| scenario | requests | ok | 5xx (500) | other | behind failure | events | redelivered | emails | duplicates | same-id re-sends | lost | recovery s |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private static String line(Row r) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d (%d) | %d | %d | %d | %d | %d | %d | %d | %d | %.1f |",
                r.scenario(), r.requests(), r.ok(), r.status5xx(), r.status500(), r.otherFailures(),
                r.committedBehindFailure(), r.events(), r.kafkaRedeliveries(), r.emails(), r.duplicates(), r.sameMessageIdResends(), r.lost(),
                r.recoverySeconds());
    }
}

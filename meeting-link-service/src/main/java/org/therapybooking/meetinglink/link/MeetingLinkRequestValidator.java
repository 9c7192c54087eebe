package org.therapybooking.meetinglink.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Singleton;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;

/**
 * The shape rules of a request body, checked at the HTTP boundary before any link is built: the only place they
 * live (the wire records carry no constraint annotations). Field paths are the JSON names ({@code participant.email},
 * {@code session.starts_at}, {@code requests[3].room}); errors are sorted by field, then message. Rules that depend
 * on configuration (the room on the configured deployment, the batch size cap) are checked by
 * {@link MeetingLinkService}.
 * <p>
 * Written by hand instead of Bean Validation because this is the hot path: the method-validation interceptor cost
 * about a fifth of the endpoint's CPU. The happy path allocates nothing.
 */
@Singleton
public class MeetingLinkRequestValidator {

    static final int ROOM_MAX = 512;
    static final int ID_MAX = 128;
    static final int NAME_MAX = 256;
    static final int EMAIL_MAX = 320;
    static final int DISPLAY_NAME_MAX = 512;
    static final int DURATION_MIN = 1;
    static final int DURATION_MAX = 1440;

    static final String NOT_NULL = "must not be null";
    static final String NOT_BLANK = "must not be blank";
    static final String NOT_EMPTY = "must not be empty";
    static final String EMAIL = "must be a well-formed email address";
    static final String ROLE = "must be one of client, host, observer, presenter";

    private static final Comparator<FieldError> ORDER =
            Comparator.comparing(FieldError::field).thenComparing(FieldError::message);

    /** @throws ApiException a validation problem naming every broken rule */
    public void check(MeetingLinkRequest request) {
        List<FieldError> errors = check(request, "", null);
        if (errors != null) {
            throw failure(errors);
        }
    }

    /** Checks every item, so one answer names all bad items. The size cap is the service's (configuration). */
    public void check(BatchRequest batch) {
        if (batch == null) {
            throw ApiException.invalid("body", NOT_NULL);
        }
        List<MeetingLinkRequest> requests = batch.requests();
        if (requests == null || requests.isEmpty()) {
            throw ApiException.invalid("requests", NOT_EMPTY);
        }
        List<FieldError> errors = null;
        for (int i = 0; i < requests.size(); i++) {
            MeetingLinkRequest item = requests.get(i);
            if (item == null) {
                errors = add(errors, "requests[" + i + "]", "", NOT_NULL);
            } else {
                errors = check(item, null, errors, i);
            }
        }
        if (errors != null) {
            throw failure(errors);
        }
    }

    private static List<FieldError> check(MeetingLinkRequest request, String prefix, List<FieldError> errors) {
        if (request == null) {
            return add(errors, "body", "", NOT_NULL);
        }
        return check(request, prefix, errors, -1);
    }

    /** {@code prefix} is "" for a single request; for a batch item it is built only when an error is found. */
    private static List<FieldError> check(MeetingLinkRequest r, String prefix, List<FieldError> errors, int index) {
        String room = r.room();
        if (room == null || room.isBlank()) {
            errors = add(errors, prefix(prefix, index), "room", NOT_BLANK);
        }
        if (room != null && room.length() > ROOM_MAX) {
            errors = add(errors, prefix(prefix, index), "room", size(ROOM_MAX));
        }
        MeetingLinkRequest.Participant p = r.participant();
        if (p == null) {
            errors = add(errors, prefix(prefix, index), "participant", NOT_NULL);
        } else {
            errors = maxLength(errors, p.id(), ID_MAX, prefix, index, "participant.id");
            errors = maxLength(errors, p.firstName(), NAME_MAX, prefix, index, "participant.first_name");
            errors = maxLength(errors, p.lastName(), NAME_MAX, prefix, index, "participant.last_name");
            errors = maxLength(errors, p.email(), EMAIL_MAX, prefix, index, "participant.email");
            if (p.email() != null && !EmailAddress.isWellFormed(p.email())) {
                errors = add(errors, prefix(prefix, index), "participant.email", EMAIL);
            }
            errors = maxLength(errors, p.displayName(), DISPLAY_NAME_MAX, prefix, index, "participant.display_name");
        }
        String role = r.role();
        if (role == null) {
            errors = add(errors, prefix(prefix, index), "role", NOT_NULL);
        } else if (!isRole(role)) {
            errors = add(errors, prefix(prefix, index), "role", ROLE);
        }
        MeetingLinkRequest.Session s = r.session();
        if (s != null) {
            if (s.startsAt() == null) {
                errors = add(errors, prefix(prefix, index), "session.starts_at", NOT_NULL);
            }
            Integer duration = s.duration();
            if (duration == null) {
                errors = add(errors, prefix(prefix, index), "session.duration", NOT_NULL);
            } else if (duration < DURATION_MIN) {
                errors = add(errors, prefix(prefix, index), "session.duration",
                        "must be greater than or equal to " + DURATION_MIN);
            } else if (duration > DURATION_MAX) {
                errors = add(errors, prefix(prefix, index), "session.duration",
                        "must be less than or equal to " + DURATION_MAX);
            }
        }
        return errors;
    }

    /** Exactly the wire names, case-sensitive: {@link Role#parse} relies on it. */
    static boolean isRole(String role) {
        for (Role r : Role.VALUES) {
            if (r.wireName().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private static List<FieldError> maxLength(List<FieldError> errors, String value, int max, String prefix, int index,
            String field) {
        if (value != null && value.length() > max) {
            return add(errors, prefix(prefix, index), field, size(max));
        }
        return errors;
    }

    private static String size(int max) {
        return "size must be between 0 and " + max;
    }

    private static String prefix(String prefix, int index) {
        return prefix != null ? prefix : "requests[" + index + "].";
    }

    private static List<FieldError> add(List<FieldError> errors, String prefix, String field, String message) {
        List<FieldError> list = errors == null ? new ArrayList<>() : errors;
        list.add(new FieldError(prefix + field, message));
        return list;
    }

    private static ApiException failure(List<FieldError> errors) {
        errors.sort(ORDER);
        return ApiException.invalid(errors);
    }
}

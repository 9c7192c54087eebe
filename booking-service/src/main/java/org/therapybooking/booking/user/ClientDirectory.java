package org.therapybooking.booking.user;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The clients behind a page of bookings, read in one query (never one per row). */
@ApplicationScoped
public class ClientDirectory {

    /** The clients with these user ids, by id; ids without an account are absent. */
    @Transactional
    public Map<Long, ClientView> byIds(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return User.<User>list("id in ?1", Set.copyOf(userIds)).stream().map(ClientView::of)
                .collect(Collectors.toMap(ClientView::id, Function.identity()));
    }
}

package org.therapybooking.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConcurrentBookingTest extends IntegrationTest {

    private static final int CLIENTS = 20;

    @Test
    void twentyConcurrentRequestsForTheLastPlaceBookItExactlyOnce() throws Exception {
        long slot = api.slot(1);
        List<Api.UserAccount> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add(api.newUser());
        }
        List<Integer> statuses = fire(users, slot);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(CLIENTS - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, activeBookingsInDatabase(slot));
    }

    @Test
    void oneUserFiringConcurrentlyAtOverlappingSlotsGetsOneBooking() throws Exception {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(CLIENTS);
        List<Api.UserAccount> same = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            same.add(user);
        }
        List<Integer> statuses = fire(same, slot);
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(1, activeBookingsInDatabase(slot));
    }

    private List<Integer> fire(List<Api.UserAccount> users, long slot) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (Api.UserAccount user : users) {
                calls.add(() -> {
                    start.await();
                    return api.book(user.token(), slot).extract().statusCode();
                });
            }
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long activeBookingsInDatabase(long slot) throws Exception {
        try (var connection = PostgresTestResource.connect("booking_test");
                var statement = connection.prepareStatement(
                        "select count(*) from booking where schedule_id = ? and status = 'scheduled'")) {
            statement.setLong(1, slot);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package org.therapybooking.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Bookings at a steady pace from several client threads, each answer recorded as it came (no retries). */
final class Load {
    record Attempt(String clientEmail, long scheduleId, Api.Response response) {
    }

    record Booking(String clientEmail, String token, long scheduleId) {
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
    private volatile boolean stopped;
    private Thread pacer;

    /** Starts sending {@code bookings} at {@code perSecond}; stops early on {@link #stop()}. */
    Load start(Api api, List<Booking> bookings, double perSecond) {
        long t0 = System.nanoTime();
        pacer = new Thread(() -> {
            for (int i = 0; i < bookings.size() && !stopped; i++) {
                long due = t0 + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Wait.sleep(wait / 1_000_000);
                }
                Booking b = bookings.get(i);
                synchronized (attempts) {
                    attempts.add(CompletableFuture.supplyAsync(
                            () -> new Attempt(b.clientEmail(), b.scheduleId(), api.book(b.token(), b.scheduleId())), pool));
                }
            }
        }, "load-pacer");
        pacer.start();
        return this;
    }

    void stop() {
        stopped = true;
    }

    /** Waits for the pacer and every request in flight. */
    List<Attempt> finish() {
        try {
            pacer.join();
            List<Attempt> done;
            synchronized (attempts) {
                done = attempts.stream().map(CompletableFuture::join).toList();
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

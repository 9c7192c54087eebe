package org.therapybooking.systemtests;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Round-robin over the replicas whose {@code /q/health/ready} was UP at the last poll (every 200 ms), as
 * Kubernetes endpoints do: a replica going down (or shutting down gracefully) stops getting new requests.
 */
final class Balancer implements AutoCloseable {
    private static final long POLL_MILLIS = 200;

    private final List<ServiceProcess> replicas;
    private final Set<ServiceProcess> ready = ConcurrentHashMap.newKeySet();
    private final AtomicLong next = new AtomicLong();
    private final Thread poller;
    private volatile boolean closed;

    Balancer(List<ServiceProcess> replicas) {
        this.replicas = replicas;
        poll();
        poller = new Thread(this::pollLoop, "balancer-readiness");
        poller.setDaemon(true);
        poller.start();
    }

    /** A ready replica's base URL; waits up to 10 s for one; null when there is none. */
    String next() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<ServiceProcess> up = replicas.stream().filter(ready::contains).toList();
            if (!up.isEmpty()) {
                return up.get((int) (next.getAndIncrement() % up.size())).baseUrl();
            }
            Wait.sleep(50);
        }
        return null;
    }

    private void pollLoop() {
        while (!closed) {
            Wait.sleep(POLL_MILLIS);
            poll();
        }
    }

    private void poll() {
        replicas.parallelStream().forEach(r -> {
            if (r.isAlive() && r.ready()) {
                ready.add(r);
            } else {
                ready.remove(r);
            }
        });
    }

    @Override
    public void close() {
        closed = true;
    }
}

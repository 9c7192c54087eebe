package org.therapybooking.systemtests;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every OS process the system tests start, by pid, so {@code @AfterAll} and a JVM shutdown hook can stop each one
 * (and only those): nothing may outlive the run. Signals go to one pid, never by name.
 */
final class Processes {
    private static final Map<Long, String> RUNNING = new ConcurrentHashMap<>();
    private static final Map<Long, Runnable> STOPPERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Processes::stopAll, "system-tests-stop-all"));
    }

    private Processes() {
    }

    static void track(long pid, String name, Runnable stopper) {
        RUNNING.put(pid, name);
        STOPPERS.put(pid, stopper);
    }

    static void untrack(long pid) {
        RUNNING.remove(pid);
        STOPPERS.remove(pid);
    }

    /** SIGCONT first (a frozen process cannot act on SIGTERM), then each tracked stopper. */
    static synchronized void stopAll() {
        for (Long pid : RUNNING.keySet()) {
            signal(pid, "CONT");
        }
        for (Map.Entry<Long, Runnable> e : Map.copyOf(STOPPERS).entrySet()) {
            try {
                e.getValue().run();
            } catch (RuntimeException ex) {
                signal(e.getKey(), "KILL");
            }
            untrack(e.getKey());
        }
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the process is gone (it is our child, or the broker's JVM). */
    static boolean awaitExit(long pid, long seconds) {
        return ProcessHandle.of(pid).map(h -> {
            try {
                h.onExit().get(seconds, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return !h.isAlive();
            }
        }).orElse(true);
    }
}

package dev.pyconc.reference.multiprocessing.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Helper threads of the synchronize and queue tests: started, joined with a bound, polled without guessing. */
public final class Threads implements AutoCloseable {
    /** The bound of every join and poll. */
    public static final Duration LONG = Duration.ofSeconds(20);

    private final List<Thread> started = new ArrayList<>();
    private final List<CompletableFuture<?>> results = new ArrayList<>();

    /** Runs {@code body} on a new daemon thread; its result or exception is in the future. */
    public <T> CompletableFuture<T> start(String name, java.util.concurrent.Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        started.add(t);
        results.add(f);
        t.start();
        return f;
    }

    /** The result of {@code f}, waiting at most {@link #LONG}. */
    public static <T> T get(CompletableFuture<T> f) throws Exception {
        try {
            return f.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }

    /** Polls {@code condition} every millisecond until true; fails after {@link #LONG}. */
    public static void poll(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(1);
        }
    }

    /** Interrupts what is still running (a failed test) and waits for the threads to end. */
    @Override
    public void close() throws InterruptedException {
        for (Thread t : started) {
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        for (Thread t : started) {
            t.join(LONG.toMillis());
        }
    }
}

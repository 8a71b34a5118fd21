package dev.pyconc.spec.cases.multiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.multiprocessing.Kids.Duplex;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for the class hierarchy of multiprocessing's own exceptions, as the module raises them (their classes are
 * read from {@link BaseException#pythonMro()}, the interpreter's real MRO for an interpreter's exception). How each
 * is raised is another behaviour, so it is a precondition ({@link Harness#dependsOn}), except for the TimeoutError
 * entry, which is about the raising itself; no child process is needed (the pools are ThreadPools).
 */
@PyCase
class MultiprocessingExceptionCases {

    /** The BufferTooShort that recv_bytes_into raises when the buffer is too small (precondition). */
    static BufferTooShort bufferTooShort(MultiprocessingModule mp, Harness h) {
        AtomicReference<BufferTooShort> caught = new AtomicReference<>();
        h.dependsOn("multiprocessing.BufferTooShort/raised-by-recv-bytes-into", () -> {
            try (Duplex pipe = new Duplex(mp)) {
                pipe.mine.sendBytes(PyBytes.utf8("longer than two bytes"));
                caught.set(assertThrows(BufferTooShort.class, () -> pipe.theirs.recvBytesInto(new byte[2])));
            }
        });
        return caught.get();
    }

    /** The AuthenticationErrors of a Client and a Listener whose keys differ (precondition). */
    static List<AuthenticationError> authenticationErrors(MultiprocessingModule mp, Harness h) {
        AtomicReference<AuthenticationError> server = new AtomicReference<>();
        AtomicReference<AuthenticationError> client = new AtomicReference<>();
        h.dependsOn("multiprocessing.AuthenticationError/raised-on-auth-failure", () -> {
            Listener l = mp.listener(null, null, 1, PyBytes.utf8("pyconc-listener-key"));
            try {
                Thread accepting = h.start("accept", () -> server.set(assertThrows(AuthenticationError.class, l::accept)));
                client.set(assertThrows(AuthenticationError.class,
                        () -> closeQuietly(mp.client(l.address(), null, PyBytes.utf8("pyconc-wrong-key")))));
                h.join(accepting);
            } finally {
                l.close();
            }
        });
        return List.of(server.get(), client.get());
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            c.close();
        }
    }

    /** The multiprocessing.TimeoutError of AsyncResult.get(timeout) on a ThreadPool task still running (precondition). */
    static MultiprocessingTimeoutError timeoutError(MultiprocessingModule mp, Harness h) {
        AtomicReference<MultiprocessingTimeoutError> caught = new AtomicReference<>();
        h.dependsOn("multiprocessing.TimeoutError/raised-on-expired-timeout", () -> {
            CountDownLatch done = new CountDownLatch(1);
            Pool pool = mp.threadPool(PoolOptions.of(1));
            try {
                var r = pool.applyAsync((args, kwargs) -> {
                    try {
                        done.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }, List.of(), Map.of(), null, null);
                caught.set(assertThrows(MultiprocessingTimeoutError.class, () -> r.get(Timing.SHORT)));
            } finally {
                done.countDown();
                pool.terminate();
                pool.join();
            }
        });
        return caught.get();
    }

    /**
     * AsyncResult.get(timeout) and an imap iterator's next(timeout), on a ThreadPool task that is still running,
     * raise multiprocessing.TimeoutError after about timeout seconds; the result comes later all the same.
     */
    @Test
    @Checks("multiprocessing.TimeoutError/raised-on-expired-timeout")
    void expiredTimeoutsRaiseTimeoutError(MultiprocessingModule mp, Harness h) {
        CountDownLatch go = new CountDownLatch(1);
        PyCallable gated = (args, kwargs) -> {
            try {
                go.await((long) (Timing.LONG * 1000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return args.get(0);
        };
        Pool pool = mp.threadPool(PoolOptions.of(2));
        try {
            AsyncResult r = pool.applyAsync(gated, List.of("applied"), Map.of(), null, null);
            PoolIterator it = pool.imap(gated, List.of("mapped"), 1);
            long t0 = h.now();
            assertThrows(MultiprocessingTimeoutError.class, () -> r.get(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t0), Timing.SHORT);
            long t1 = h.now();
            assertThrows(MultiprocessingTimeoutError.class, () -> it.next(Timing.SHORT));
            h.assertTimedOut(h.secondsSince(t1), Timing.SHORT);
            go.countDown();
            assertEquals("applied", r.get(Timing.LONG));
            assertEquals("mapped", it.next(Timing.LONG));
        } finally {
            go.countDown();
            pool.terminate();
            pool.join();
        }
    }

    /** BufferTooShort, AuthenticationError and TimeoutError, as raised, are ProcessErrors and Exceptions. */
    @Test
    @Checks("multiprocessing.ProcessError/base-of-module-exceptions")
    void processErrorIsTheBase(MultiprocessingModule mp, Harness h) {
        List<BaseException> raised = new java.util.ArrayList<>();
        raised.add(bufferTooShort(mp, h));
        raised.addAll(authenticationErrors(mp, h));
        raised.add(timeoutError(mp, h));
        for (BaseException e : raised) {
            List<String> mro = e.pythonMro();
            assertTrue(mro.contains("multiprocessing.ProcessError"), e.pythonName() + ": " + mro);
            assertTrue(mro.contains("builtins.Exception"), e.pythonName() + ": " + mro);
        }
    }

    /** multiprocessing.TimeoutError, as AsyncResult.get raises it, is not a subclass of the builtin TimeoutError. */
    @Test
    @Checks("multiprocessing.TimeoutError/not-builtin-timeouterror")
    void timeoutErrorIsNotBuiltin(MultiprocessingModule mp, Harness h) {
        MultiprocessingTimeoutError e = timeoutError(mp, h);
        assertTrue(e.pythonMro().contains("multiprocessing.ProcessError"), e.pythonMro().toString());
        assertFalse(e.pythonMro().contains("builtins.TimeoutError"), e.pythonMro().toString());
        assertFalse(e.pythonMro().contains("builtins.OSError"), e.pythonMro().toString());
    }
}

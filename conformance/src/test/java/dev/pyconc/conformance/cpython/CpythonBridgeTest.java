package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.queue.QueueModule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterUnavailableException;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import dev.pyconc.spi.exceptions.AttributeError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.SystemExit;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.exceptions.ZeroDivisionError;
import dev.pyconc.spi.queue.SimpleQueue;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.ExceptHook;
import dev.pyconc.spi.threading.ExceptHookArgs;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tests of the bridge itself: thread affinity, callbacks, values, exceptions, failure paths, cost. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CpythonBridgeTest {
    private static CpythonAdapter adapter;
    private static ThreadingModule threading;

    static CpythonAdapter newAdapter() {
        return (CpythonAdapter) new CpythonAdapterProvider().create(AdapterConfig.fromSystemProperties());
    }

    @BeforeAll
    static void start() {
        adapter = newAdapter();
        threading = adapter.module(ThreadingModule.class);
        System.out.println("[cpython bridge] " + adapter.implementation() + " features=" + adapter.features());
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @AfterEach
    void endCase() {
        adapter.endCase();
    }

    private static <T> T onNewThread(java.util.concurrent.Callable<T> body) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "bridge-test-helper");
        t.start();
        t.join(30_000);
        return f.get(1, TimeUnit.SECONDS);
    }

    @Test
    void eachJavaThreadHasItsOwnPythonThread() throws Exception {
        long mine = threading.getIdent();
        long other = onNewThread(threading::getIdent);
        assertNotEquals(mine, other);
        assertEquals(mine, threading.getIdent(), "a later call from the same Java thread runs on the same Python thread");
        long third = onNewThread(threading::getIdent);
        assertNotEquals(mine, third);
    }

    @Test
    void rlockOwnershipFollowsTheJavaThread() throws Exception {
        var rlock = threading.rlock();
        assertTrue(rlock.acquire());
        assertTrue(rlock.acquire(false), "the owner may re-acquire");
        assertFalse(onNewThread(() -> rlock.acquire(false)), "another Java thread is another Python thread");
        assertThrows(RuntimeError.class, () -> {
            try {
                onNewThread(() -> {
                    rlock.release();
                    return null;
                });
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause();
            }
        });
        rlock.release();
        rlock.release();
    }

    @Test
    void targetRunsOnThePythonThreadAndSeesItsThreadObject() throws Exception {
        AtomicReference<PyThread> seen = new AtomicReference<>();
        AtomicReference<Long> ident = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of((args, kwargs) -> {
            seen.set(threading.currentThread());
            ident.set(threading.getIdent());
            assertEquals(List.of(1L, "two"), args);
            assertEquals(Map.of("k", 3.5), kwargs);
            return null;
        }).withArgs(List.of(1L, "two")).withKwargs(Map.of("k", 3.5)).withName("worker"));
        t.start();
        t.join(10.0);
        assertFalse(t.isAlive());
        assertSame(t, seen.get(), "current_thread() inside the target is the Thread object the case created");
        assertEquals(t.ident(), ident.get());
        assertEquals("worker", t.getName());
        assertTrue(threading.enumerate().contains(threading.mainThread()));
    }

    @Test
    void javaPartnerOfAPythonThreadEndsWithIt() throws Exception {
        AtomicReference<Thread> javaSide = new AtomicReference<>();
        AtomicReference<Long> identInTarget = new AtomicReference<>();
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            javaSide.set(Thread.currentThread());
            identInTarget.set(threading.getIdent());
        })));
        t.start();
        t.join(10.0);
        assertEquals(t.ident(), identInTarget.get(), "calls from the target's Java thread run on the Python thread");
        assertNotEquals(Thread.currentThread(), javaSide.get());
        adapter.endCase();
        javaSide.get().join(10_000);
        assertFalse(javaSide.get().isAlive(), "the Java partner ends once its Python thread has ended");
    }

    @Test
    void callbackOnTheCallersPartnerMayCallBackIn() {
        Lock lock = threading.lock();
        Condition cond = threading.condition();
        long outer = threading.getIdent();
        List<Long> identsInPredicate = new ArrayList<>();
        try (var held = cond.enter()) {
            Object r = cond.waitFor(() -> {
                identsInPredicate.add(threading.getIdent());
                return lock.acquire(false) ? "acquired" : null;
            }, 5.0);
            assertEquals("acquired", r);
        }
        assertEquals(List.of(outer), identsInPredicate, "the predicate runs on the caller's own Python thread");
        assertTrue(lock.locked());
    }

    @Test
    void plainValuesRoundTrip() {
        SimpleQueue q = adapter.module(QueueModule.class).simpleQueue();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", List.of(true, "x"));
        m.put("c", null);
        List<Object> values = Arrays.asList(null, true, false, 0L, -5L, Long.MAX_VALUE, 1.5, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, "héllo\n\"", List.of(1L, List.of(2.0)), m, List.of());
        for (Object v : values) {
            q.put(v);
        }
        for (Object v : values) {
            assertEquals(v, q.get(false));
        }
        q.put(Double.NaN);
        assertTrue(Double.isNaN((Double) q.get()));
    }

    /** bytes cross as PyBytes both ways, every byte value intact, and never become str. */
    @Test
    void bytesRoundTripAsPyBytes() {
        SimpleQueue q = adapter.module(QueueModule.class).simpleQueue();
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        for (PyBytes b : List.of(PyBytes.empty(), PyBytes.of(all), PyBytes.utf8("abc"))) {
            q.put(b);
            assertEquals(b, q.get(false));
        }
        assertEquals(PyBytes.of((byte) 'x', (byte) 0), adapter.callFunction("builtins", "bytes", List.of(120L, 0L)));
        assertEquals("abc", adapter.callFunction("builtins", "str", PyBytes.utf8("abc"), "ascii"));
    }

    /** An exception's attributes cross with it: OSError's errno and filename, CalledProcessError's and TimeoutExpired's. */
    @Test
    void exceptionAttributesCross() {
        SubprocessModule sp = adapter.module(SubprocessModule.class);
        FileNotFoundError fnf = assertThrows(FileNotFoundError.class,
                () -> sp.run(List.of("/nonexistent/pyconc-no-such-program"), PopenOptions.defaults()));
        assertEquals(2L, fnf.errno());
        assertEquals("/nonexistent/pyconc-no-such-program", fnf.filename());
        CalledProcessError cpe = assertThrows(CalledProcessError.class, () -> sp.run(
                List.of("sh", "-c", "printf out; printf err >&2; exit 3"),
                PopenOptions.defaults().captureOutput(true).check(true)));
        assertEquals(3L, cpe.returncode());
        assertEquals(List.of("sh", "-c", "printf out; printf err >&2; exit 3"), cpe.cmd());
        assertEquals(PyBytes.utf8("out"), cpe.stdout());
        assertEquals(PyBytes.utf8("out"), cpe.output());
        assertEquals(PyBytes.utf8("err"), cpe.stderr());
        // cat reads a pipe whose write end the agent keeps open, so it runs until run's timeout kills it
        PyTuple pipe = sp.os().pipe();
        try {
            TimeoutExpired te = assertThrows(TimeoutExpired.class, () -> sp.run(List.of("cat"),
                    PopenOptions.defaults().stdin(pipe.get(0)).timeout(0.01)));
            assertEquals(0.01, te.timeout());
            assertEquals(List.of("cat"), te.cmd());
        } finally {
            sp.os().close((Long) pipe.get(0));
            sp.os().close((Long) pipe.get(1));
        }
    }

    @Test
    void pythonExceptionsMapAlongTheirMro() {
        RuntimeError e = assertThrows(RuntimeError.class, () -> threading.lock().release());
        assertEquals("builtins.RuntimeError", e.pythonName());
        Empty empty = assertThrows(Empty.class, () -> adapter.module(QueueModule.class).queue().getNowait());
        assertTrue(empty.pythonName().endsWith("Empty"), empty.pythonName());
        assertThrows(ZeroDivisionError.class, () -> adapter.callFunction("operator", "truediv", 1L, 0L));
        ValueError ve = assertThrows(ValueError.class, () -> adapter.callFunction("builtins", "int", "x"));
        assertTrue(ve.getMessage().contains("invalid literal"), ve.getMessage());
        assertThrows(KeyError.class, () -> adapter.callFunction("operator", "getitem", Map.of(), "k"));
        assertThrows(AttributeError.class, () -> threading.local().getattr("nope"));
    }

    @Test
    void javaExceptionsRaiseInPython() {
        PyThread viaPyException = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            throw new ValueError("from java");
        })));
        ValueError ve = assertThrows(ValueError.class, viaPyException::run);
        assertEquals("from java", ve.getMessage());
        PyThread exits = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            throw new SystemExit("bye");
        })));
        assertThrows(SystemExit.class, exits::run);
        PyThread viaJava = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            throw new IllegalStateException("plain java failure");
        })));
        RuntimeError re = assertThrows(RuntimeError.class, viaJava::run);
        assertTrue(re.getMessage().contains("plain java failure"), re.getMessage());
    }

    @Test
    void excepthookGetsTheThreadAndException() {
        ExceptHook original = threading.getExcepthook();
        assertSame(original, threading.defaultExcepthook());
        AtomicReference<ExceptHookArgs> got = new AtomicReference<>();
        ExceptHook mine = got::set;
        threading.setExcepthook(mine);
        try {
            assertSame(mine, threading.getExcepthook());
            PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
                throw new ValueError("boom");
            })));
            t.start();
            t.join(10.0);
            assertNotNull(got.get());
            assertEquals("builtins.ValueError", got.get().excType());
            assertEquals("boom", got.get().excValue().getMessage());
            assertTrue(got.get().excValue() instanceof ValueError);
            assertSame(t, got.get().thread());
            assertTrue(got.get().hasTraceback());
        } finally {
            threading.setExcepthook(original);
        }
        assertSame(original, threading.getExcepthook());
    }

    @Test
    void blockedCallIsReportedAndDumpable() throws Exception {
        Lock lock = threading.lock();
        lock.acquire();
        AtomicReference<Boolean> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(lock.acquire()), "bridge-blocked");
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!adapter.isBlocked(t)) {
            assertTrue(System.nanoTime() < deadline, "never reported blocked");
            Thread.sleep(1);
        }
        String dump = adapter.dumpThreads();
        assertTrue(dump.contains("serve"), dump);
        assertTrue(dump.contains("partner of Java thread 'bridge-blocked'"), dump);
        assertTrue(dump.contains("acquire"), dump);
        assertFalse(adapter.isBlocked(Thread.currentThread()));
        lock.release();
        t.join(10_000);
        assertEquals(Boolean.TRUE, result.get());
    }

    @Test
    void runningACallbackIsNotBlockedButANestedBlockingCallIs() throws Exception {
        Lock lock = threading.lock();
        lock.acquire();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
        PyThread t = threading.thread(ThreadOptions.of(PyCallable.of(() -> {
            inside.countDown();
            try {
                proceed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lock.acquire();
        })));
        Thread runner = new Thread(t::run, "bridge-runner");
        runner.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertFalse(adapter.isBlocked(runner), "running Java code inside a callback is not blocked in Python");
        proceed.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!adapter.isBlocked(runner)) {
            assertTrue(System.nanoTime() < deadline, "nested acquire never reported blocked");
            Thread.sleep(1);
        }
        lock.release();
        runner.join(10_000);
        assertFalse(runner.isAlive());
        assertTrue(lock.locked(), "the nested acquire got the lock");
    }

    @Test
    void interruptedCallIsAbandonedAndItsPartnerLeftBehind() throws Exception {
        CpythonAdapter a = newAdapter();
        try {
            a.beginCase("interrupt");
            Lock lock = a.module(ThreadingModule.class).lock();
            lock.acquire();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    lock.acquire();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "bridge-interrupted");
            t.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!a.isBlocked(t)) {
                assertTrue(System.nanoTime() < deadline, "never reported blocked");
                Thread.sleep(1);
            }
            t.interrupt();
            t.join(10_000);
            assertFalse(t.isAlive(), "an interrupted Java thread stops waiting for Python");
            assertTrue(failure.get() instanceof PythonBridgeException, String.valueOf(failure.get()));
            assertTrue(a.dumpThreads().contains("acquire"), "the Python thread is still blocked in acquire");
            a.endCase();
            assertEquals("1", a.details().get("partnersLeftBlocked"));
            a.beginCase("after");
            assertFalse(a.module(ThreadingModule.class).lock().locked(), "the adapter still works");
            a.endCase();
        } finally {
            a.close();
        }
    }

    @Test
    void processDeathFailsPendingAndLaterCallsThenRestarts() throws Exception {
        CpythonAdapter a = newAdapter();
        try {
            Lock lock = a.module(ThreadingModule.class).lock();
            lock.acquire();
            AtomicReference<Throwable> pending = new AtomicReference<>();
            Thread waiter = new Thread(() -> {
                try {
                    lock.acquire();
                } catch (Throwable e) {
                    pending.set(e);
                }
            }, "bridge-pending");
            waiter.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!a.isBlocked(waiter)) {
                assertTrue(System.nanoTime() < deadline, "never reported blocked");
                Thread.sleep(1);
            }
            a.callFunction("sys", "stderr.write", "last words\n");
            PythonBridgeException died = assertThrows(PythonBridgeException.class,
                    () -> a.callFunction("os", "_exit", 7L));
            assertTrue(died.getMessage().contains("status 7"), died.getMessage());
            assertTrue(died.getMessage().contains("last words"), died.getMessage());
            waiter.join(10_000);
            assertFalse(waiter.isAlive());
            assertTrue(pending.get() instanceof PythonBridgeException, String.valueOf(pending.get()));
            long t0 = System.nanoTime();
            assertThrows(PythonBridgeException.class, lock::locked);
            assertThrows(PythonBridgeException.class, () -> a.module(ThreadingModule.class).lock());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "later calls fail fast");
            a.endCase();
            a.beginCase("next");
            assertEquals("1", a.details().get("restarts"));
            assertFalse(a.module(ThreadingModule.class).lock().locked());
            assertThrows(PythonBridgeException.class, lock::locked, "objects of the dead process stay dead");
        } finally {
            a.close();
        }
    }

    @Test
    void strayOutputDoesNotCorruptTheProtocol() {
        adapter.callFunction("builtins", "print", "a stray line on stdout");
        adapter.callFunction("os", "system", "echo a child process writing to fd 1");
        assertEquals(List.of(1L, 2L), List.copyOf((List<?>) adapter.callFunction("builtins", "list", List.of(1L, 2L))));
    }

    @Test
    void badInterpreterIsUnavailable() {
        AdapterUnavailableException e = assertThrows(AdapterUnavailableException.class,
                () -> new CpythonAdapterProvider().create(new AdapterConfig(Map.of("python", "/nonexistent/python9"))));
        assertTrue(e.getMessage().contains("/nonexistent/python9"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        AdapterUnavailableException notPython = assertThrows(AdapterUnavailableException.class,
                () -> new CpythonAdapterProvider().create(new AdapterConfig(Map.of("python", "false"))));
        assertFalse(notPython.getMessage().contains("\n"), notPython.getMessage());
    }

    @Test
    void echoComesBackToItsThreadAndFailsOnceTheAgentIsGone() throws Exception {
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 300; i++) {
                adapter.echo(10);
                adapter.echoByReader(10);
            }
        });
        for (int i = 0; i < 300; i++) {
            adapter.echo(10);
        }
        other.get(60, TimeUnit.SECONDS);

        CpythonAdapter a = newAdapter();
        try {
            a.echo(10);
            a.session().killForcibly();
            PythonBridgeException e = assertThrows(PythonBridgeException.class, () -> {
                for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; ) {
                    a.echo(10);
                }
            });
            assertTrue(e.getMessage().contains("Python agent"), e::getMessage);
        } finally {
            a.close();
        }
    }

    @Test
    void roundTripCost() throws Exception {
        Lock lock = threading.lock();
        for (int i = 0; i < 500; i++) {
            lock.locked();
        }
        int n = 3000;
        long[] ns = new long[n];
        long[] floor = new long[n];
        long[] byReader = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            lock.locked();
            long t1 = System.nanoTime();
            adapter.echo(10); // the pipe floor, alternating with the calls so that both see the same load
            long t2 = System.nanoTime();
            adapter.echoByReader(10);
            byReader[i] = System.nanoTime() - t2;
            floor[i] = t2 - t1;
            ns[i] = t1 - t0;
        }
        Arrays.sort(ns);
        Arrays.sort(floor);
        Arrays.sort(byReader);
        long sum = 0;
        for (long x : ns) {
            sum += x;
        }
        System.out.printf("[cpython bridge] %s: trivial call round trip over %d calls: median %.1f us, p90 %.1f us,"
                + " p99 %.1f us, mean %.1f us%n", adapter.implementation(), n, ns[n / 2] / 1e3, ns[n * 9 / 10] / 1e3,
                ns[n * 99 / 100] / 1e3, sum / (double) n / 1e3);
        System.out.printf("[cpython bridge] its pipe floor (an echo, alternating with the calls): median %.1f us,"
                + " round trip / floor %.2f; an echo by the agent's reader thread (one hand-off fewer than a call):"
                + " median %.1f us%n", floor[n / 2] / 1e3, ns[n / 2] / (double) floor[n / 2], byReader[n / 2] / 1e3);
        long t0 = System.nanoTime();
        int cases = 50;
        for (int i = 0; i < cases; i++) {
            adapter.beginCase("cost#" + i);
            Lock l = threading.lock();
            l.acquire();
            onNewThread(() -> {
                l.release();
                return null;
            });
            adapter.endCase();
        }
        System.out.printf("[cpython bridge] a minimal two-thread case with begin/endCase: %.2f ms%n",
                (System.nanoTime() - t0) / 1e6 / cases);
        assertTrue(ns[n / 2] < 50_000_000L, "median round trip under 50 ms");
    }
}

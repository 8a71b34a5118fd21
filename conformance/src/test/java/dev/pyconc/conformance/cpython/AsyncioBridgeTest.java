package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.asyncio.AsyncioModule;
import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Event;
import dev.pyconc.spi.asyncio.Lock;
import dev.pyconc.spi.asyncio.Queue;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.QueueEmpty;
import dev.pyconc.spi.exceptions.QueueFull;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.threading.ThreadingModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The asyncio bridge against real CPythons: the bundled 3.14 (the adapter's default) and the system
 * {@code python3} (3.11 here) when there is one. Each test is one case (beginCase ... endCase). The loop is stepped
 * with {@code sleep(0)}, never with wall-clock sleeps; the only real waits are the timeouts under test.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AsyncioBridgeTest {
    private static final Map<String, CpythonAdapter> ADAPTERS = new HashMap<>();

    static Stream<String> pythons() {
        List<String> out = new ArrayList<>(List.of("cpython-3.14"));
        if (hasPython3()) {
            out.add("python3");
        }
        return out.stream();
    }

    private static boolean hasPython3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import asyncio; asyncio.timeout").start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static synchronized CpythonAdapter adapter(String python) {
        return ADAPTERS.computeIfAbsent(python, p -> (CpythonAdapter) new CpythonAdapterProvider()
                .create(p.equals("cpython-3.14") ? AdapterConfig.fromSystemProperties()
                        : new AdapterConfig(Map.of("python", p))));
    }

    @AfterAll
    static void closeAll() {
        ADAPTERS.values().forEach(CpythonAdapter::close);
        ADAPTERS.clear();
    }

    interface CaseBody {
        void run(CpythonAdapter a, AsyncioModule aio) throws Exception;
    }

    static void inCase(String python, String name, CaseBody body) throws Exception {
        CpythonAdapter a = adapter(python);
        a.beginCase("AsyncioBridgeTest#" + name);
        try {
            body.run(a, a.module(AsyncioModule.class));
        } finally {
            a.endCase();
        }
        assertQuietAgent(a);
    }

    /** asyncio's complaints (a task destroyed while pending, a coroutine never awaited, ...) would be on stderr. */
    static void assertQuietAgent(CpythonAdapter a) {
        String tail = a.session().stderrTail();
        for (String bad : List.of("never awaited", "was destroyed but it is pending", "Traceback", "Exception in callback",
                "Task exception was never retrieved", "ignored")) {
            assertFalse(tail.contains(bad), "the agent's stderr has '" + bad + "':\n" + tail);
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aLockPassesBetweenTwoTasksStepByStepOnTheLoopsThread(String python) throws Exception {
        inCase(python, "lock", (a, aio) -> {
            ThreadingModule threading = a.module(ThreadingModule.class);
            long callerIdent = threading.getIdent();
            Lock lock = aio.lock();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            Object r = aio.run(co -> {
                assertEquals(callerIdent, threading.getIdent(), "the loop runs on the caller's Python thread");
                assertTrue(co.await(lock.acquire()));
                Task<String> t = co.createTask(c2 -> {
                    assertEquals(callerIdent, threading.getIdent(), "a task's body calls run on the loop's thread");
                    log.add("waiting");
                    c2.await(lock.acquire());
                    log.add("got");
                    lock.release();
                    return "t-done";
                });
                assertEquals(List.of(), log, "create_task starts the task at the loop's next iteration, not now");
                co.sleep(0);
                co.sleep(0);
                assertEquals(List.of("waiting"), log);
                assertFalse(t.done());
                assertTrue(lock.locked());
                lock.release();
                assertEquals("t-done", co.await(t));
                assertEquals(List.of("waiting", "got"), log);
                assertFalse(lock.locked());
                co.asyncWith(lock, () -> assertTrue(lock.locked()));
                assertFalse(lock.locked(), "async with released the lock");
                return 42L;
            });
            assertEquals(42L, r);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void cancellationReachesTheJavaBodyAtItsAwait(String python) throws Exception {
        inCase(python, "cancel", (a, aio) -> {
            Event never = aio.event();
            AtomicReference<Throwable> seen = new AtomicReference<>();
            aio.run(co -> {
                Task<Object> t = co.createTask(c2 -> {
                    try {
                        return c2.await(never.await());
                    } catch (AsyncioCancelledError e) {
                        seen.set(e);
                        throw e;
                    }
                });
                Task<Object> swallower = co.createTask(c2 -> {
                    try {
                        c2.await(never.await());
                        return "not cancelled";
                    } catch (AsyncioCancelledError e) {
                        return "swallowed";
                    }
                });
                co.sleep(0);
                assertTrue(t.cancel("stop it"));
                assertTrue(swallower.cancel());
                AsyncioCancelledError e = assertThrows(AsyncioCancelledError.class, () -> co.await(t));
                assertTrue(t.cancelled());
                assertInstanceOf(AsyncioCancelledError.class, seen.get());
                assertEquals("stop it", seen.get().getMessage(), "the message given to cancel()");
                assertNotNull(e);
                assertEquals("swallowed", co.await(swallower), "a body that catches the cancellation goes on");
                assertFalse(swallower.cancelled());
                return null;
            });
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void tasksLeftPendingWhenMainReturnsAreCancelledIntoTheirBodies(String python) throws Exception {
        inCase(python, "pending-at-end", (a, aio) -> {
            Event never = aio.event();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            Object r = aio.run(co -> {
                co.createTask(c2 -> {
                    try {
                        return c2.await(never.await());
                    } catch (AsyncioCancelledError e) {
                        log.add("cancelled");
                        throw e;
                    } finally {
                        log.add("finally, is_set=" + never.isSet()); // still on the loop's thread
                    }
                });
                Task<Object> unstarted = co.createTask(c2 -> {
                    log.add("must not run");
                    return null;
                });
                assertTrue(unstarted.cancel()); // before its first step: its body never runs
                co.sleep(0);
                assertTrue(unstarted.cancelled());
                return "main done";
            });
            assertEquals("main done", r);
            assertEquals(List.of("cancelled", "finally, is_set=false"), log, "asyncio.run cancelled the pending task");
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aQueueCarriesItemsBetweenTasks(String python) throws Exception {
        inCase(python, "queue", (a, aio) -> {
            Queue q = aio.queue(1);
            List<Object> got = aio.run(co -> {
                Task<List<Object>> consumer = co.createTask(c2 -> {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        items.add(c2.await(q.get()));
                        q.taskDone();
                    }
                    return items;
                });
                co.await(q.put(1L));
                assertThrows(QueueFull.class, () -> q.putNowait("x"));
                co.await(q.put("two")); // waits until the consumer took the first
                co.await(q.put(List.of(3L, 4.5)));
                co.await(q.join());
                List<Object> items = co.await(consumer);
                assertThrows(QueueEmpty.class, q::getNowait);
                assertEquals(0L, q.qsize());
                return items;
            });
            assertEquals(List.of(1L, "two", List.of(3L, 4.5)), got);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void waitForGivesUpAfterItsTimeout(String python) throws Exception {
        inCase(python, "waitFor", (a, aio) -> {
            Event never = aio.event();
            double timeout = 0.05;
            double took = aio.run(co -> {
                double t0 = co.time();
                assertThrows(TimeoutError.class, () -> co.waitFor(never.await(), timeout));
                double t1 = co.time();
                assertEquals(Boolean.TRUE, co.waitFor(aio.lock().acquire(), Timing.LONG), "in time: its result");
                return t1 - t0;
            });
            assertTrue(took >= timeout - Timing.EPSILON, "gave up after " + took + " s, before its " + timeout + " s");
            assertTrue(took < Timing.LONG, "gave up only after " + took + " s");
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void timeoutCancelsTheBlockAndRaisesTimeoutError(String python) throws Exception {
        inCase(python, "timeout", (a, aio) -> {
            Event never = aio.event();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            aio.run(co -> {
                double t0 = co.time();
                assertThrows(TimeoutError.class, () -> co.timeout(0.05, () -> {
                    try {
                        co.await(never.await());
                    } catch (AsyncioCancelledError e) {
                        log.add("cancelled inside");
                        throw e;
                    }
                }));
                double took = co.time() - t0;
                assertTrue(took >= 0.05 - Timing.EPSILON && took < Timing.LONG, "took " + took + " s");
                assertEquals(List.of("cancelled inside"), log);
                co.timeout(null, () -> co.sleep(0)); // no deadline: the block just runs
                co.timeout(Timing.LONG, () -> log.add("in time"));
                assertEquals(0L, ((Task<?>) co.currentTask()).cancelling(), "the deadline's cancel was withdrawn");
                return null;
            });
            assertEquals(List.of("cancelled inside", "in time"), log);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void gatherReturnsResultsInOrder(String python) throws Exception {
        inCase(python, "gather", (a, aio) -> {
            List<Object> out = aio.run(co -> {
                Awaitable<Object> slow = co.coroutine(c2 -> {
                    c2.sleep(0);
                    c2.sleep(0);
                    return "slow";
                });
                Awaitable<Object> fast = co.coroutine(c2 -> "fast");
                Task<Object> task = co.createTask(c2 -> 3L);
                List<Object> r = co.gather(List.of(slow, fast, task), false);
                assertEquals(List.of("slow", "fast", 3L), r);
                List<Object> mixed = co.gather(List.of(co.coroutine(c2 -> {
                    throw new ValueError("bad");
                }), co.coroutine(c2 -> "ok")), true);
                assertInstanceOf(ValueError.class, mixed.get(0));
                assertEquals("bad", ((ValueError) mixed.get(0)).getMessage());
                assertEquals("ok", mixed.get(1));
                assertThrows(ValueError.class, () -> co.gather(List.of(co.coroutine(c2 -> {
                    throw new ValueError("first");
                })), false));
                return r;
            });
            assertEquals(List.of("slow", "fast", 3L), out);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void exceptionsCrossWithTheirPythonClass(String python) throws Exception {
        inCase(python, "exceptions", (a, aio) -> {
            Lock lock = aio.lock();
            aio.run(co -> {
                Task<Object> t = co.createTask(c2 -> {
                    throw new ValueError("from a Java body");
                });
                ValueError e = assertThrows(ValueError.class, () -> co.await(t));
                assertEquals("from a Java body", e.getMessage());
                assertInstanceOf(ValueError.class, t.exception());
                assertThrows(RuntimeError.class, lock::release, "release() of an unlocked lock, raised by Python");
                assertThrows(RuntimeError.class, () -> aio.run(c2 -> null), "asyncio.run inside a running loop");
                // an exception raised by Python into a body and rethrown by it crosses back as the same one
                Task<Object> rethrower = co.createTask(c2 -> {
                    c2.await(c2.coroutine(c3 -> {
                        throw new ValueError("inner");
                    }));
                    return null;
                });
                assertEquals("inner", assertThrows(ValueError.class, () -> co.await(rethrower)).getMessage());
                return null;
            });
            AssertionError mine = new AssertionError("a failed assertion in a task");
            AssertionError thrown = assertThrows(AssertionError.class, () -> aio.run(co -> {
                co.await(co.createTask(c2 -> {
                    throw mine;
                }));
                return null;
            }));
            assertSame(mine, thrown, "a Java throwable of a body comes out of run itself");
            assertEquals(false, a.callFunction("asyncio", "isfuture", "x")); // the agent is still healthy
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aHungRunIsEndedByEndCaseWithNothingLeft(String python) throws Exception {
        CpythonAdapter a = adapter(python);
        for (String how : List.of("awaiting in Python", "blocked in Java")) {
            a.beginCase("AsyncioBridgeTest#hung");
            a.callFunction("threading", "get_native_id"); // the test thread's partner is among the threads before
            Set<Long> pyBefore = agentThreads(a);
            Set<Thread> javaBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
            AsyncioModule aio = a.module(AsyncioModule.class);
            Event never = aio.event();
            CountDownLatch reached = new CountDownLatch(1);
            CountDownLatch neverInJava = new CountDownLatch(1);
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread caseThread = new Thread(() -> {
                try {
                    aio.run(co -> {
                        co.createTask(co.coroutine(c2 -> c2.await(never.await())), "stuck-task");
                        co.sleep(0);
                        reached.countDown();
                        if (how.equals("blocked in Java")) {
                            try {
                                neverInJava.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException("interrupted", e);
                            }
                        }
                        return co.await(never.await());
                    });
                } catch (Throwable t) {
                    outcome.set(t);
                } finally {
                    a.endCase(); // as the harness does: on the case's own thread, interrupted at its deadline
                }
            }, "asyncio-bridge-test-case");
            caseThread.start();
            assertTrue(reached.await((long) Timing.LONG, TimeUnit.SECONDS));
            if (how.equals("awaiting in Python")) {
                long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
                while (!a.isBlocked(caseThread) && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // bounded: until the body has handed its await to the loop
                }
                assertTrue(a.isBlocked(caseThread), "the case's thread waits for the loop");
                String dump = a.dumpThreads();
                assertTrue(dump.contains("stuck-task") && dump.contains("_aio_drive"),
                        "the dump shows the loop's tasks with their stacks:\n" + dump);
            }
            caseThread.interrupt(); // what the harness does at a case's deadline
            caseThread.join((long) (Timing.LONG * 1000));
            assertFalse(caseThread.isAlive(), how);
            assertInstanceOf(PythonBridgeException.class, outcome.get(), how);
            a.beginCase("AsyncioBridgeTest#hung-after");
            try {
                long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
                Set<Long> pyNew = newAgentThreads(a, pyBefore);
                while (!pyNew.isEmpty() && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // bounded poll: a stopped partner thread takes a moment to end
                    pyNew = newAgentThreads(a, pyBefore);
                }
                assertEquals(Set.of(), pyNew, () -> how + ": the agent's threads (native ids) the case left\n" + a.dumpThreads());
                List<String> left = new ArrayList<>();
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (!javaBefore.contains(t) && t.isAlive() && t.getName().startsWith("pyconc-asyncio")) {
                        left.add(t.getName());
                    }
                }
                assertEquals(List.of(), left, how + ": Java threads left");
                assertEquals("0", a.details().get("partnersLeftBlocked"), how);
                String notes = a.details().getOrDefault("notes", "");
                assertFalse(notes.contains("asyncio.run") || notes.contains("coroutine body") || notes.contains("left blocked"),
                        how + ": " + notes);
                // the agent still runs loops
                assertEquals(Long.valueOf(7L), aio.run(co -> 7L));
            } finally {
                a.endCase();
            }
            assertQuietAgent(a);
        }
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void theAgentsDeathEndsTheRunAndItsBodies(String python) throws Exception {
        CpythonAdapter a = adapter(python);
        a.beginCase("AsyncioBridgeTest#death");
        Set<Thread> javaBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        try {
            AsyncioModule aio = a.module(AsyncioModule.class);
            Event never = aio.event();
            assertThrows(PythonBridgeException.class, () -> aio.run(co -> {
                co.createTask(co.coroutine(c2 -> c2.await(never.await())));
                co.sleep(0);
                a.session().killForcibly();
                return co.await(never.await());
            }));
            List<String> left = new ArrayList<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!javaBefore.contains(t) && t.isAlive() && t.getName().startsWith("pyconc-asyncio")) {
                    left.add(t.getName());
                }
            }
            assertEquals(List.of(), left, "Java body threads left after the agent died");
        } finally {
            a.endCase();
        }
        a.beginCase("AsyncioBridgeTest#after-death"); // restarts the agent
        try {
            assertEquals(Long.valueOf(1L), a.module(AsyncioModule.class).run(co -> 1L));
        } finally {
            a.endCase();
        }
    }

    /**
     * The agent process's threads by native id ({@code /proc/PID/task}). Unlike a thread count, a set is not
     * thrown off by a thread a previous case stopped that is still ending when the "before" set is taken; and
     * unlike a Python thread ident, a native id is not handed to a new thread as soon as the old one ends.
     */
    private static Set<Long> agentThreads(CpythonAdapter a) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(a.session().pid()), "task"))) {
            return tasks.map(t -> Long.valueOf(t.getFileName().toString())).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agent's threads not in {@code before}, besides the partner of the calling (test) thread, which the last
     *  end of a case may have replaced. */
    private static Set<Long> newAgentThreads(CpythonAdapter a, Set<Long> before) {
        long mine = ((Number) a.callFunction("threading", "get_native_id")).longValue();
        Set<Long> now = new HashSet<>(agentThreads(a));
        now.removeAll(before);
        now.remove(mine);
        return now;
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void costOfASleepStepAndOfATaskRoundTrip(String python) throws Exception {
        inCase(python, "cost", (a, aio) -> {
            int n = 400;
            long[][] ns = {new long[n], new long[n]};
            aio.run(co -> {
                for (int i = 0; i < n; i++) { // warm-up
                    co.sleep(0);
                }
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    co.sleep(0);
                    ns[0][i] = System.nanoTime() - t0;
                }
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    co.await(co.createTask(c2 -> null));
                    ns[1][i] = System.nanoTime() - t0;
                }
                return null;
            });
            Arrays.sort(ns[0]);
            Arrays.sort(ns[1]);
            System.out.println(String.format(Locale.ROOT,
                    "[asyncio bridge] %s: sleep(0) step median %.1f us (p90 %.1f); create_task+await median %.1f us (p90 %.1f)",
                    a.implementation(), ns[0][n / 2] / 1e3, ns[0][n * 9 / 10] / 1e3, ns[1][n / 2] / 1e3,
                    ns[1][n * 9 / 10] / 1e3));
        });
    }
}

package dev.pyconc.reference.asyncio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pyconc.spi.asyncio.Awaitable;
import dev.pyconc.spi.asyncio.Coroutine;
import dev.pyconc.spi.asyncio.Task;
import dev.pyconc.spi.exceptions.AsyncioCancelledError;
import dev.pyconc.spi.exceptions.AsyncioInvalidStateError;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reference event loop: ordering, cancellation, wait_for, timeout, gather, run's contract and thread hygiene. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefEventLoopTest {
    private final RefAsyncioModule asyncio = new RefAsyncioModule();
    private Set<Thread> before;

    private static Set<Thread> bodyThreads() {
        Set<Thread> s = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("asyncio ") && t.isAlive()) {
                s.add(t);
            }
        }
        return s;
    }

    @BeforeEach
    void rememberThreads() {
        before = bodyThreads();
    }

    /** No body thread outlives a test: run() joins them (checked by name, so other tests' threads do not count). */
    @AfterEach
    void noThreadLeft() {
        Set<Thread> now = bodyThreads();
        now.removeAll(before);
        assertTrue(now.isEmpty(), () -> "body threads left: " + now);
    }

    private static void steps(Coroutine co, int n) {
        for (int i = 0; i < n; i++) {
            co.sleep(0);
        }
    }

    @Test
    void runReturnsMainsResult() {
        int r = asyncio.run(co -> 42);
        assertEquals(42, r);
    }

    @Test
    void runRaisesMainsException() {
        ValueError e = assertThrows(ValueError.class, () -> asyncio.run(co -> {
            throw new ValueError("boom");
        }));
        assertEquals("boom", e.getMessage());
    }

    @Test
    void javaThrowableOfMainIsRethrownUnchanged() {
        IllegalArgumentException x = new IllegalArgumentException("java");
        IllegalArgumentException got = assertThrows(IllegalArgumentException.class, () -> asyncio.run(co -> {
            throw x;
        }));
        assertSame(x, got);
    }

    @Test
    void javaThrowableOfAChildIsRuntimeErrorToItsAwaiterAndRethrownFromRun() {
        AssertionError x = new AssertionError("child failed");
        List<Object> seen = new ArrayList<>();
        AssertionError got = assertThrows(AssertionError.class, () -> asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> {
                throw x;
            });
            try {
                co.await(t);
            } catch (RuntimeError e) {
                seen.add(e);
                throw e;
            }
            return null;
        }));
        assertSame(x, got);
        assertEquals(1, seen.size());
        assertSame(x, ((RuntimeError) seen.get(0)).getCause());
    }

    @Test
    void javaThrowableOfAnUnawaitedTaskFailsTheRun() {
        AssertionError x = new AssertionError("never awaited");
        AssertionError got = assertThrows(AssertionError.class, () -> asyncio.run(co -> {
            co.createTask(c -> {
                throw x;
            });
            steps(co, 2);
            return null;
        }));
        assertSame(x, got);
    }

    @Test
    void runInsideRunIsRuntimeError() {
        RuntimeError e = asyncio.run(co -> {
            try {
                asyncio.run(c -> 1);
                return null;
            } catch (RuntimeError x) {
                return x;
            }
        });
        assertTrue(e.getMessage().contains("running event loop"), e.getMessage());
    }

    @Test
    void runningLoopOutsideIsRuntimeError() {
        RuntimeError e = assertThrows(RuntimeError.class, RefEventLoop::running);
        assertEquals("no running event loop", e.getMessage());
        assertNull(RefEventLoop.runningOrNull());
        asyncio.run(co -> {
            assertTrue(RefEventLoop.running() != null);
            return null;
        });
    }

    @Test
    void createTaskStartsAtTheNextIterationAndSleep0StepsInOrder() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            Task<Object> a = co.createTask(c -> {
                log.add("a1");
                c.sleep(0);
                log.add("a2");
                c.sleep(0);
                log.add("a3");
                return null;
            });
            Task<Object> b = co.createTask(c -> {
                log.add("b1");
                c.sleep(0);
                log.add("b2");
                return null;
            });
            log.add("main created");
            co.sleep(0);
            log.add("main 1");
            co.sleep(0);
            log.add("main 2");
            co.sleep(0);
            log.add("main 3");
            assertTrue(a.done() && b.done());
            return null;
        });
        assertEquals(List.of("main created", "a1", "b1", "main 1", "a2", "b2", "main 2", "a3", "main 3"), log);
    }

    @Test
    void awaitingATaskReturnsItsResultAnyNumberOfTimes() {
        asyncio.run(co -> {
            Task<Integer> t = co.createTask(c -> {
                c.sleep(0);
                return 7;
            });
            assertEquals(7, co.await(t));
            assertEquals(7, co.await(t));
            assertEquals(7, t.result());
            assertNull(t.exception());
            return null;
        });
    }

    @Test
    void coroutineObjectMayBeAwaitedOnce() {
        asyncio.run(co -> {
            Awaitable<Integer> c = co.coroutine(x -> 5);
            assertEquals(5, co.await(c));
            RuntimeError e = assertThrows(RuntimeError.class, () -> co.await(c));
            assertEquals("cannot reuse already awaited coroutine", e.getMessage());
            return null;
        });
    }

    @Test
    void coroutineObjectAwaitedThenWrappedInATaskFailsTheTask() {
        asyncio.run(co -> {
            Awaitable<Integer> c = co.coroutine(x -> 5);
            co.await(c);
            Task<Integer> t = co.createTask(c);
            steps(co, 1);
            assertTrue(t.done());
            assertInstanceOf(RuntimeError.class, t.exception());
            return null;
        });
    }

    @Test
    void taskNamesAreTaskNOrGiven() {
        asyncio.run(co -> {
            Task<?> me = co.currentTask();
            assertTrue(me.getName().matches("Task-\\d+"), me.getName());
            Task<Object> t = co.createTask(co.coroutine(c -> null), "worker");
            assertEquals("worker", t.getName());
            Task<Object> u = co.createTask(c -> null);
            long n = Long.parseLong(me.getName().substring(5));
            assertEquals("Task-" + (n + 1), u.getName());
            co.await(t);
            co.await(u);
            return null;
        });
    }

    @Test
    void resultAndExceptionOfAPendingTaskAreInvalidState() {
        asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> null);
            assertThrows(AsyncioInvalidStateError.class, t::result);
            assertThrows(AsyncioInvalidStateError.class, t::exception);
            co.await(t);
            return null;
        });
    }

    @Test
    void cancellingATaskThatHasNotStartedNeverRunsItsBody() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> {
                log.add("ran");
                return null;
            });
            assertTrue(t.cancel());
            assertEquals(1, t.cancelling());
            assertThrows(AsyncioCancelledError.class, () -> co.await(t));
            assertTrue(t.cancelled());
            assertFalse(t.cancel());
            return null;
        });
        assertEquals(List.of(), log);
    }

    @Test
    void cancellingAPendingTaskRaisesCancelledErrorAtItsAwaitWithTheMessage() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            RefFuture<Object> never = RefEventLoop.running().createFuture();
            Task<Object> t = co.createTask(c -> {
                try {
                    c.await(never);
                } catch (AsyncioCancelledError e) {
                    log.add("cancelled: " + e.getMessage());
                    throw e;
                }
                return null;
            });
            steps(co, 1);
            assertFalse(t.done());
            assertTrue(t.cancel("stop now"));
            assertTrue(never.cancelled(), "the future it waited on is cancelled");
            AsyncioCancelledError e = assertThrows(AsyncioCancelledError.class, () -> co.await(t));
            assertEquals("stop now", e.getMessage());
            assertTrue(t.cancelled());
            return null;
        });
        assertEquals(List.of("cancelled: stop now"), log);
    }

    @Test
    void aTaskThatSwallowsCancellationGoesOn() {
        asyncio.run(co -> {
            Task<String> t = co.createTask(c -> {
                try {
                    c.sleep(3600);
                } catch (AsyncioCancelledError e) {
                    return "swallowed";
                }
                return "slept";
            });
            steps(co, 1);
            t.cancel();
            assertEquals("swallowed", co.await(t));
            assertFalse(t.cancelled());
            assertEquals(1, t.cancelling(), "the request stays counted until uncancel()");
            assertEquals(0, t.uncancel());
            return null;
        });
    }

    @Test
    void aRunningTaskThatCancelsItselfIsCancelledAtItsNextAwait() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> {
                c.currentTask().cancel();
                log.add("still running");
                try {
                    c.sleep(0);
                } catch (AsyncioCancelledError e) {
                    log.add("cancelled at sleep(0)");
                    throw e;
                }
                return null;
            });
            assertThrows(AsyncioCancelledError.class, () -> co.await(t));
            return null;
        });
        assertEquals(List.of("still running", "cancelled at sleep(0)"), log);
    }

    @Test
    void cancelledJustBeforeReturningEndsCancelled() {
        asyncio.run(co -> {
            Task<String> t = co.createTask(c -> {
                c.currentTask().cancel();
                return "returned"; // returns without awaiting: _must_cancel is still set
            });
            assertThrows(AsyncioCancelledError.class, () -> co.await(t));
            assertTrue(t.cancelled());
            return null;
        });
    }

    @Test
    void uncancelWithdrawsRequests() {
        asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> {
                c.sleep(3600);
                return null;
            });
            steps(co, 1);
            t.cancel();
            t.cancel();
            assertEquals(2, t.cancelling());
            assertEquals(1, t.uncancel());
            assertEquals(0, t.uncancel());
            assertEquals(0, t.uncancel());
            assertThrows(AsyncioCancelledError.class, () -> co.await(t), "the future was already cancelled");
            return null;
        });
    }

    @Test
    void futureBasics() {
        asyncio.run(co -> {
            RefEventLoop loop = RefEventLoop.running();
            RefFuture<String> f = loop.createFuture();
            assertThrows(AsyncioInvalidStateError.class, f::result);
            List<String> calls = new ArrayList<>();
            f.addDoneCallback(x -> calls.add("cb " + x.result()));
            f.setResult("v");
            assertThrows(AsyncioInvalidStateError.class, () -> f.setResult("w"));
            assertThrows(AsyncioInvalidStateError.class, () -> f.setException(new ValueError("x")));
            assertEquals(List.of(), calls, "callbacks are scheduled, not called");
            steps(co, 1);
            assertEquals(List.of("cb v"), calls);
            assertFalse(f.cancel());
            RefFuture<String> g = loop.createFuture();
            g.setException(new ValueError("bad"));
            assertEquals("bad", assertThrows(ValueError.class, () -> co.await(g)).getMessage());
            RefFuture<String> h = loop.createFuture();
            assertTrue(h.cancel("why"));
            assertEquals("why", assertThrows(AsyncioCancelledError.class, h::result).getMessage());
            return null;
        });
    }

    @Test
    void awaitWakesWhenAnotherTaskSetsTheResult() {
        asyncio.run(co -> {
            RefFuture<String> f = RefEventLoop.running().createFuture();
            co.createTask(c -> {
                c.sleep(0);
                f.setResult("hello");
                return null;
            });
            assertEquals("hello", co.await(f));
            return null;
        });
    }

    @Test
    void sleepWaitsAtLeastItsDelay() {
        asyncio.run(co -> {
            double t0 = co.time();
            long n0 = System.nanoTime();
            co.sleep(0.05);
            assertTrue(co.time() - t0 >= 0.05, "loop clock");
            assertTrue(System.nanoTime() - n0 >= TimeUnit.MILLISECONDS.toNanos(50), "wall clock");
            return null;
        });
    }

    @Test
    void waitForTimesOutCancelsTheInnerAndRaisesTimeoutError() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            long n0 = System.nanoTime();
            Task<Object> inner = co.createTask(c -> {
                try {
                    c.sleep(3600);
                } catch (AsyncioCancelledError e) {
                    log.add("inner cancelled");
                    throw e;
                }
                return null;
            });
            assertThrows(TimeoutError.class, () -> co.waitFor(inner, 0.05));
            long took = System.nanoTime() - n0;
            assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(50), "not before the timeout: " + took);
            assertTrue(took < TimeUnit.SECONDS.toNanos(10), "well within a generous ceiling: " + took);
            assertTrue(inner.cancelled(), "wait_for waits until the inner has finished cancelling");
            assertEquals(0, co.currentTask().cancelling(), "the timeout's cancellation was withdrawn");
            return null;
        });
        assertEquals(List.of("inner cancelled"), log);
    }

    @Test
    void waitForReturnsInTimeAndRunsCoroutinesInline() {
        asyncio.run(co -> {
            Task<?> me = co.currentTask();
            int three = co.waitFor(co.coroutine(c -> {
                assertSame(me, c.currentTask(), "awaited in the same task (3.12+)");
                c.sleep(0);
                return 3;
            }), 10.0);
            assertEquals(3, three);
            int four = co.waitFor(co.coroutine(c -> 4), null);
            assertEquals(4, four);
            return null;
        });
    }

    @Test
    void waitForWithZeroTimeout() {
        asyncio.run(co -> {
            Task<Integer> done = co.createTask(c -> 1);
            steps(co, 1);
            assertEquals(1, co.waitFor(done, 0.0), "a done future's result at once");
            List<String> log = new ArrayList<>();
            assertThrows(TimeoutError.class, () -> co.waitFor(co.coroutine(c -> {
                log.add("ran");
                return 2;
            }), 0.0));
            assertEquals(List.of(), log, "the wrapping task was cancelled before it started");
            return null;
        });
    }

    @Test
    void timeoutTurnsItsCancellationIntoTimeoutError() {
        asyncio.run(co -> {
            long n0 = System.nanoTime();
            assertThrows(TimeoutError.class, () -> co.timeout(0.05, () -> co.sleep(3600)));
            assertTrue(System.nanoTime() - n0 >= TimeUnit.MILLISECONDS.toNanos(50));
            assertEquals(0, co.currentTask().cancelling());
            co.timeout(10.0, () -> co.sleep(0));
            co.timeout(null, () -> co.sleep(0));
            List<String> log = new ArrayList<>();
            co.timeout(-1.0, () -> log.add("body runs before the expired deadline is seen"));
            assertEquals(1, log.size());
            assertThrows(TimeoutError.class, () -> co.timeout(0.0, () -> co.sleep(0)));
            return null;
        });
    }

    @Test
    void anOuterCancelDuringTimeoutStaysACancellation() {
        asyncio.run(co -> {
            Task<Object> t = co.createTask(c -> {
                c.timeout(0.05, () -> c.sleep(3600));
                return null;
            });
            steps(co, 1);
            t.cancel(); // before the deadline: not the timeout's cancellation
            assertThrows(AsyncioCancelledError.class, () -> co.await(t));
            return null;
        });
    }

    @Test
    void gatherReturnsResultsInOrder() {
        asyncio.run(co -> {
            List<Object> r = co.gather(List.of(
                    co.coroutine(c -> {
                        steps(c, 3);
                        return "a";
                    }),
                    co.coroutine(c -> "b"),
                    co.createTask(c -> {
                        c.sleep(0);
                        return "c";
                    })), false);
            assertEquals(List.of("a", "b", "c"), r);
            assertEquals(List.of(), co.gather(List.of(), false));
            return null;
        });
    }

    @Test
    void gatherRaisesTheFirstExceptionAndLeavesTheOthersRunning() {
        asyncio.run(co -> {
            Task<String> slow = co.createTask(c -> {
                steps(c, 5);
                return "slow";
            });
            ValueError e = assertThrows(ValueError.class, () -> co.gather(List.of(slow, co.coroutine(c -> {
                throw new ValueError("first");
            })), false));
            assertEquals("first", e.getMessage());
            assertFalse(slow.done());
            assertEquals("slow", co.await(slow));
            return null;
        });
    }

    @Test
    void gatherWithReturnExceptionsPutsThemInTheList() {
        asyncio.run(co -> {
            ValueError v = new ValueError("v");
            Task<Object> cancelled = co.createTask(c -> {
                c.sleep(3600);
                return null;
            });
            Task<Object> failing = co.createTask(c -> {
                throw v;
            });
            steps(co, 1);
            cancelled.cancel("m");
            List<Object> r = co.gather(Arrays.asList(co.coroutine(c -> 1), failing, cancelled), true);
            assertEquals(Integer.valueOf(1), r.get(0));
            assertSame(v, r.get(1));
            assertInstanceOf(AsyncioCancelledError.class, r.get(2));
            // as CPython (checked on 3.11): the task's own cancel() drops the message, gather makes ''
            assertEquals("", ((AsyncioCancelledError) r.get(2)).getMessage());
            // while result() hands out the CancelledError the coroutine raised, with the message
            assertEquals("m", assertThrows(AsyncioCancelledError.class, cancelled::result).getMessage());
            return null;
        });
    }

    @Test
    void cancellingTheGatherersTaskCancelsTheChildren() {
        asyncio.run(co -> {
            Task<Object> a = co.createTask(c -> {
                c.sleep(3600);
                return null;
            });
            Task<Object> g = co.createTask(c -> c.gather(List.of(a), false));
            steps(co, 2);
            g.cancel();
            assertThrows(AsyncioCancelledError.class, () -> co.await(g));
            assertTrue(a.cancelled());
            return null;
        });
    }

    @Test
    void runCancelsTasksLeftAndJoinsTheirThreads() {
        List<String> log = new CopyOnWriteArrayList<>();
        asyncio.run(co -> {
            co.createTask(c -> {
                try {
                    c.sleep(3600);
                } finally {
                    log.add("left task cleaned up");
                }
                return null;
            });
            steps(co, 1);
            return null;
        });
        assertEquals(List.of("left task cleaned up"), log);
        // noThreadLeft checks the threads
    }

    /**
     * A task that swallows the cancellation at shutdown and then waits forever keeps asyncio.run from returning,
     * as in CPython; endCase (from another thread) stops the loop: run() leaves with an IllegalStateException and
     * every body thread ends.
     */
    @Test
    void endCaseStopsALoopThatHangsInShutdown() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch mainDone = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> out = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                asyncio.run(co -> {
                    RefFuture<Object> never = RefEventLoop.running().createFuture();
                    co.createTask(c -> {
                        try {
                            c.sleep(3600);
                        } catch (AsyncioCancelledError e) {
                            log.add("ignored the cancel");
                        }
                        try {
                            c.await(never);
                        } finally {
                            log.add("finally ran");
                        }
                        return null;
                    });
                    steps(co, 1);
                    mainDone.countDown();
                    return null;
                });
            } catch (Throwable t) {
                out.set(t);
            }
        }, "test runner");
        runner.start();
        assertTrue(mainDone.await(10, TimeUnit.SECONDS));
        // the loop now waits (in vain) for the swallowing task; give it one look at the lack of progress
        waitUntil(() -> log.contains("ignored the cancel"));
        asyncio.endCase(TimeUnit.SECONDS.toNanos(10));
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive());
        assertInstanceOf(IllegalStateException.class, out.get());
        assertTrue(log.contains("finally ran"), log.toString());
    }

    /** A body stuck in a blocking Java call holds the loop's turn; endCase interrupts it and joins everything. */
    @Test
    void endCaseStopsALoopWhoseBodyHangs() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> out = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                asyncio.run(co -> {
                    Task<Object> t = co.createTask(c -> {
                        entered.countDown();
                        try {
                            new java.util.concurrent.CountDownLatch(1).await(); // hangs
                        } catch (InterruptedException e) {
                            throw new IllegalStateException("interrupted", e);
                        }
                        return null;
                    });
                    return co.await(t);
                });
            } catch (Throwable t) {
                out.set(t);
            }
        }, "test runner");
        runner.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        String dump = asyncio.dumpTasks();
        assertTrue(dump.contains("endCaseStopsALoopWhoseBodyHangs") || dump.contains("CountDownLatch"), dump);
        asyncio.endCase(TimeUnit.SECONDS.toNanos(10));
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive());
        assertInstanceOf(IllegalStateException.class, out.get());
        assertEquals("", asyncio.dumpTasks(), "no loop left");
    }

    /** Interrupting the thread that runs the loop (as JUnit's and the harness's timeouts do) stops it too. */
    @Test
    void interruptingTheLoopThreadStopsTheLoop() throws Exception {
        java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> out = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                asyncio.run(co -> {
                    RefFuture<Object> never = RefEventLoop.running().createFuture();
                    co.createTask(c -> {
                        waiting.countDown();
                        return c.await(never);
                    });
                    return co.await(never);
                });
            } catch (Throwable t) {
                out.set(t);
            }
        }, "test runner");
        runner.start();
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        runner.interrupt();
        runner.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(runner.isAlive());
        assertInstanceOf(IllegalStateException.class, out.get());
    }

    /** The adapter's hooks: dumpThreads names the hung task and shows its body's stack; endCase stops the loop. */
    @Test
    void referenceAdapterDumpsAndStopsAHungLoop() throws Exception {
        dev.pyconc.reference.ReferenceAdapter adapter = new dev.pyconc.reference.ReferenceAdapter();
        try {
            dev.pyconc.spi.asyncio.AsyncioModule aio = adapter.module(dev.pyconc.spi.asyncio.AsyncioModule.class);
            java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> out = new java.util.concurrent.atomic.AtomicReference<>();
            Thread runner = new Thread(() -> {
                try {
                    aio.run(co -> co.await(co.createTask(co.coroutine(c -> {
                        entered.countDown();
                        try {
                            Thread.sleep(TimeUnit.MINUTES.toMillis(10)); // a hung body
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                    }), "the-hung-one")));
                } catch (Throwable t) {
                    out.set(t);
                }
            }, "test runner");
            runner.start();
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            // the body is past the latch; wait until it is inside the sleep (its stack then shows it)
            waitUntil(() -> adapter.dumpThreads().contains("Thread.sleep"));
            String dump = adapter.dumpThreads();
            assertTrue(dump.contains("task the-hung-one") && dump.contains("lambda$referenceAdapterDumpsAndStopsAHungLoop"), dump);
            adapter.endCase();
            runner.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(runner.isAlive());
            assertInstanceOf(IllegalStateException.class, out.get());
        } finally {
            adapter.close();
        }
    }

    @Test
    void runLeavesNoThreadBehind() {
        int n = Thread.activeCount();
        Set<Thread> mine = java.util.concurrent.ConcurrentHashMap.newKeySet();
        asyncio.run(co -> {
            List<Task<Object>> ts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ts.add(co.createTask(c -> {
                    mine.add(Thread.currentThread());
                    c.sleep(3600);
                    return null;
                }));
            }
            steps(co, 1);
            for (int i = 0; i < 10; i++) {
                ts.get(i).cancel();
            }
            steps(co, 1);
            return null; // the other ten are cancelled by run()
        });
        assertEquals(20, mine.size());
        for (Thread t : mine) {
            assertFalse(t.isAlive(), t.getName());
        }
        assertTrue(Thread.activeCount() <= n, "threads before " + n + ", after " + Thread.activeCount());
    }

    /**
     * Not a check: the cost of one create_task + await round trip and of one sleep(0) with another task ready,
     * medians over many, printed for the record.
     */
    @Test
    void measureRoundTrips() {
        int n = 2000;
        long[] create = new long[n];
        long[] sleep0 = new long[n];
        asyncio.run(co -> {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                co.await(co.createTask(c -> null));
                create[i] = System.nanoTime() - t0;
            }
            Task<Object> other = co.createTask(c -> {
                while (true) {
                    c.sleep(0);
                }
            });
            co.sleep(0);
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                co.sleep(0);
                sleep0[i] = System.nanoTime() - t0;
            }
            other.cancel();
            return null;
        });
        Arrays.sort(create);
        Arrays.sort(sleep0);
        System.out.printf("asyncio reference: create_task+await median %.1f us (p90 %.1f); sleep(0) with one other task "
                + "ready median %.1f us (p90 %.1f); n=%d%n", create[n / 2] / 1e3, create[n * 9 / 10] / 1e3,
                sleep0[n / 2] / 1e3, sleep0[n * 9 / 10] / 1e3, n);
    }

    @Test
    void loopBoundBindsToTheFirstLoopThatUsesIt() {
        RefLoopBound b = new RefLoopBound() {
            @Override
            public String toString() {
                return "<bound>";
            }
        };
        RefEventLoop first = asyncio.run(co -> b.getLoop());
        assertTrue(first != null);
        RuntimeError e = assertThrows(RuntimeError.class, () -> asyncio.run(co -> b.getLoop()));
        assertEquals("<bound> is bound to a different event loop", e.getMessage());
    }

    @Test
    void callSoonThreadsafeWakesAnIdleLoop() {
        String r = asyncio.run(co -> {
            RefEventLoop loop = RefEventLoop.running();
            RefFuture<String> f = loop.createFuture();
            Thread other = new Thread(() -> loop.callSoonThreadsafe(() -> f.setResult("from another thread")));
            other.start();
            try {
                return co.await(f); // nothing else is scheduled: only the threadsafe call can wake the loop
            } finally {
                try {
                    other.join(10_000);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertEquals("from another thread", r);
    }

    @Test
    void misuseIsRefusedAsInPython() {
        asyncio.run(co -> {
            Task<?> me = co.currentTask();
            assertThrows(dev.pyconc.spi.exceptions.TypeError.class, () -> co.createTask((Awaitable<Object>) (Awaitable<?>) me));
            RefTask<?> rt = (RefTask<?>) me;
            assertEquals("Task does not support set_result operation",
                    assertThrows(RuntimeError.class, () -> rt.setResult(null)).getMessage());
            RuntimeError self = assertThrows(RuntimeError.class, () -> co.await(me));
            assertTrue(self.getMessage().startsWith("Task cannot await on itself"), self.getMessage());
            assertThrows(ValueError.class, () -> co.sleep(Double.NaN));
            return null;
        });
    }

    /** The Coroutine is the body's own: another Java thread may not use it. */
    @Test
    void aCoroutineUsedFromAnotherThreadIsIllegalState() {
        asyncio.run(co -> {
            java.util.concurrent.atomic.AtomicReference<Throwable> got = new java.util.concurrent.atomic.AtomicReference<>();
            Thread other = new Thread(() -> {
                try {
                    co.sleep(0);
                } catch (Throwable t) {
                    got.set(t);
                }
            });
            other.start();
            try {
                other.join(10_000);
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
            }
            assertInstanceOf(IllegalStateException.class, got.get());
            return null;
        });
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cond.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in 10 s");
            Thread.sleep(1);
        }
    }
}

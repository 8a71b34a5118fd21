package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BufferTooShort;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.MultiprocessingTimeoutError;
import dev.pyconc.spi.exceptions.StopIteration;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.multiprocessing.AsyncResult;
import dev.pyconc.spi.multiprocessing.BoundedSemaphore;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import dev.pyconc.spi.multiprocessing.JoinableQueue;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Pool;
import dev.pyconc.spi.multiprocessing.PoolIterator;
import dev.pyconc.spi.multiprocessing.PoolOptions;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Queue;
import dev.pyconc.spi.multiprocessing.Routine;
import dev.pyconc.spi.multiprocessing.Semaphore;
import dev.pyconc.spi.multiprocessing.SharedMemoryManager;
import dev.pyconc.spi.multiprocessing.SimpleQueue;
import dev.pyconc.spi.shared_memory.MemoryView;
import dev.pyconc.spi.shared_memory.ShareableList;
import dev.pyconc.spi.shared_memory.SharedMemory;
import dev.pyconc.spi.shared_memory.SharedMemoryModule;
import dev.pyconc.spi.threading.Barrier;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.RLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multiprocessing and shared_memory bridges against real CPythons: the bundled 3.14 (the adapter's default)
 * and the system {@code python3} (3.11 here) when there is one. Each test is one case: it runs between
 * {@code beginCase} and {@code endCase}, so the agent's end-of-case hygiene runs after each, as in a suite run.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MultiprocessingBridgeTest {
    private static final Map<String, CpythonAdapter> ADAPTERS = new HashMap<>();
    /** Bound of every wait on a child, in seconds (a process start costs about 0.1-0.2 s here). */
    private static final double WAIT = 30.0;

    static Stream<String> pythons() {
        List<String> out = new ArrayList<>(List.of("cpython-3.14"));
        if (hasPython3()) {
            out.add("python3");
        }
        return out.stream();
    }

    private static boolean hasPython3() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import multiprocessing.shared_memory").start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static synchronized CpythonAdapter adapter(String python) {
        return ADAPTERS.computeIfAbsent(python, p -> (CpythonAdapter) new CpythonAdapterProvider()
                .create(new AdapterConfig(Map.of("python", p))));
    }

    @AfterAll
    static void closeAll() {
        ADAPTERS.values().forEach(CpythonAdapter::close);
        ADAPTERS.clear();
    }

    /** Runs body as one case of the adapter: beginCase, body, endCase (also when body fails). */
    interface CaseBody {
        void run(CpythonAdapter a, MultiprocessingModule mp) throws Exception;
    }

    static void inCase(String python, String name, CaseBody body) throws Exception {
        CpythonAdapter a = adapter(python);
        a.beginCase("MultiprocessingBridgeTest#" + name);
        try {
            body.run(a, a.module(MultiprocessingModule.class));
        } finally {
            a.endCase();
        }
    }

    static long agentPid(CpythonAdapter a) {
        return Long.parseLong(a.details().get("pid"));
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aRoutineRunsInAChildAndReportsThroughAQueue(String python) throws Exception {
        inCase(python, "queue", (a, mp) -> {
            Queue q = mp.queue();
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.PUT), q, 1L, "two", List.of(3L)));
            assertNull(p.pid());
            assertNull(p.exitcode());
            p.start();
            assertEquals(1L, q.get(true, WAIT));
            assertEquals("two", q.get(true, WAIT));
            assertEquals(List.of(3L), q.get(true, WAIT));
            p.join(WAIT);
            assertEquals(0L, p.exitcode());
            assertNotEquals(agentPid(a), p.pid());
            assertFalse(p.isAlive());
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void exitCodesAndTheChildsOwnView(String python) throws Exception {
        inCase(python, "exitcodes", (a, mp) -> {
            PyProcess exit3 = mp.process(ProcessOptions.of(mp.routine(Routine.EXIT), 3L));
            PyProcess fails = mp.process(ProcessOptions.of(mp.routine(Routine.FAIL), "on purpose"));
            List<Connection> pipe = mp.pipe(false);
            PyProcess reporter = mp.process(ProcessOptions.of(mp.routine(Routine.REPORT), pipe.get(1))
                    .withName("reporter").withDaemon(true));
            exit3.start();
            fails.start(); // its traceback goes to the child's stderr, the agent's
            exit3.join(WAIT);
            fails.join(WAIT);
            assertEquals(3L, exit3.exitcode());
            assertEquals(1L, fails.exitcode());
            reporter.start();
            assertTrue(pipe.get(0).poll(WAIT));
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) pipe.get(0).recv();
            assertEquals("reporter", r.get("name"));
            assertEquals(true, r.get("daemon"));
            assertEquals(reporter.pid(), r.get("pid"));
            assertEquals(agentPid(a), r.get("parent_pid"));
            assertEquals(mp.currentProcess().getName(), r.get("parent_name"));
            assertEquals(reporter.getAuthkey(), r.get("authkey"));
            reporter.join(WAIT);
            assertEquals(0L, reporter.exitcode());
            assertNull(mp.parentProcess());
            assertTrue(mp.activeChildren().isEmpty());
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void aLockHeldByAChildAcrossAPipe(String python) throws Exception {
        inCase(python, "lock", (a, mp) -> {
            Lock lock = mp.lock();
            List<Connection> pipe = mp.pipe();
            Connection mine = pipe.get(0);
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.HOLD_LOCK), lock, pipe.get(1)));
            p.start();
            assertTrue(mine.poll(WAIT));
            assertEquals("acquired", mine.recv());
            assertFalse(lock.acquire(false));
            mine.send("go");
            assertTrue(mine.poll(WAIT));
            assertEquals("released", mine.recv());
            assertTrue(lock.acquire(true, WAIT));
            lock.release();
            assertThrows(ValueError.class, lock::release); // multiprocessing's Lock: released when unlocked
            p.join(WAIT);
            assertEquals(0L, p.exitcode());
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void synchronizationObjectsHaveTheirKinds(String python) throws Exception {
        inCase(python, "sync", (a, mp) -> {
            Semaphore s = mp.semaphore(2);
            assertEquals(2L, s.getValue());
            assertTrue(s.acquire());
            assertEquals(1L, s.getValue());
            BoundedSemaphore b = mp.boundedSemaphore(1);
            assertThrows(ValueError.class, b::release);
            RLock r = mp.rlock();
            assertTrue(r.acquire());
            assertTrue(r.acquire());
            r.release();
            r.release();
            Event e = mp.event();
            PyProcess setter = mp.process(ProcessOptions.of(mp.routine(Routine.SET_EVENT), e));
            setter.start();
            assertTrue(e.await(WAIT));
            setter.join(WAIT);
            Condition c = mp.condition();
            SimpleQueue sq = mp.simpleQueue();
            PyProcess waiter = mp.process(ProcessOptions.of(mp.routine(Routine.CONDITION_WAIT), c, WAIT, sq));
            waiter.start();
            assertEquals("waiting", sq.get());
            c.with(c::signalAll); // the waiter released the condition's lock inside wait(), so this acquire waits for it
            assertEquals(true, sq.get());
            waiter.join(WAIT);
            Barrier barrier = mp.barrier(2);
            PyProcess other = mp.process(ProcessOptions.of(mp.routine(Routine.BARRIER_WAIT), barrier, sq));
            other.start();
            long mine = barrier.await(WAIT);
            long theirs = (Long) sq.get();
            assertEquals(1L, mine + theirs);
            other.join(WAIT);
            JoinableQueue jq = mp.joinableQueue();
            jq.put("a");
            jq.put("b");
            PyProcess consumer = mp.process(ProcessOptions.of(mp.routine(Routine.CONSUME), jq, 2L));
            consumer.start();
            jq.join();
            consumer.join(WAIT);
            assertEquals(0L, consumer.exitcode());
            if (a.hasFeature(Feature.SEM_GETVALUE)) {
                assertEquals(0L, jq.qsize());
            }
        });
    }

    /** The routines not used elsewhere here, each as its javadoc says: in children, and some in the agent itself. */
    @ParameterizedTest
    @MethodSource("pythons")
    void theOtherRoutines(String python) throws Exception {
        inCase(python, "routines", (a, mp) -> {
            assertEquals(agentPid(a), mp.routine(Routine.GETPID).call(List.of(), Map.of()));
            assertEquals("x", mp.routine(Routine.IDENTITY).call(List.of("x"), Map.of()));
            List<Connection> pipe = mp.pipe();
            pipe.get(1).send("msg");
            assertEquals("msg", mp.routine(Routine.WAIT_MESSAGE).call(List.of(pipe.get(0)), Map.of()));
            pipe.get(1).close();
            assertNull(mp.routine(Routine.WAIT_MESSAGE).call(List.of(pipe.get(0)), Map.of()));
            SimpleQueue out = mp.simpleQueue();
            Lock lock = mp.lock();
            PyProcess releaser = mp.process(ProcessOptions.of(mp.routine(Routine.RELEASE), lock, out));
            releaser.start();
            assertEquals("builtins.ValueError", out.get());
            releaser.join(WAIT);
            assertTrue(lock.acquire());
            PyProcess acquirer = mp.process(ProcessOptions.of(mp.routine(Routine.ACQUIRE), lock, 0.05, out));
            acquirer.start();
            assertEquals(false, out.get());
            acquirer.join(WAIT);
            lock.release();
            SharedMemory counter = a.module(SharedMemoryModule.class).sharedMemory(null, true, 16);
            List<PyProcess> incs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                incs.add(mp.process(ProcessOptions.of(mp.routine(Routine.INCREMENT), lock, counter.name(), 50L, out)));
            }
            incs.forEach(PyProcess::start);
            assertEquals("ready", out.get());
            assertEquals("ready", out.get());
            counter.buf().write(8, PyBytes.of((byte) 1)); // the start gate
            for (PyProcess p : incs) {
                p.join(WAIT);
                assertEquals(0L, p.exitcode());
            }
            assertEquals(PyBytes.of((byte) 100, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0),
                    counter.buf().read(0, 8));
            Queue source = mp.queue();
            source.put("r1");
            source.put("r2");
            PyProcess relay = mp.process(ProcessOptions.of(mp.routine(Routine.RELAY), source, out, 2L));
            relay.start();
            assertEquals("r1", out.get());
            assertEquals("r2", out.get());
            relay.join(WAIT);
            Condition cond = mp.condition();
            PyProcess waiter = mp.process(ProcessOptions.of(mp.routine(Routine.CONDITION_WAIT), cond, null, out));
            waiter.start();
            assertEquals("waiting", out.get());
            PyProcess notifier = mp.process(ProcessOptions.of(mp.routine(Routine.NOTIFY_ALL), cond));
            notifier.start();
            assertEquals(true, out.get());
            waiter.join(WAIT);
            notifier.join(WAIT);
            PyProcess daemon = mp.process(ProcessOptions.of(mp.routine(Routine.START_CHILD), out).withDaemon(true));
            daemon.start();
            assertEquals("builtins.AssertionError", out.get()); // a daemonic process may not have children
            daemon.join(WAIT);
            PyProcess parent = mp.process(ProcessOptions.of(mp.routine(Routine.START_CHILD), out));
            parent.start();
            assertEquals("started", out.get());
            parent.join(WAIT);
            Pool pool = mp.pool(PoolOptions.of(1));
            assertNotEquals(agentPid(a), pool.apply(mp.routine(Routine.GETPID), List.of(), Map.of()));
            assertNull(pool.apply(mp.routine(Routine.GET_GLOBAL), List.of(), Map.of()));
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void bytesAndWait(String python) throws Exception {
        inCase(python, "bytes", (a, mp) -> {
            List<Connection> pipe = mp.pipe();
            Connection left = pipe.get(0);
            Connection right = pipe.get(1);
            left.sendBytes(PyBytes.of((byte) 1, (byte) 2, (byte) 3, (byte) 4), 1, 2L);
            byte[] buffer = {9, 9, 9, 9, 9};
            assertEquals(2L, right.recvBytesInto(buffer, 1));
            assertArrayEquals(new byte[] {9, 2, 3, 9, 9}, buffer);
            left.sendBytes(PyBytes.of((byte) 7, (byte) 8, (byte) 9));
            BufferTooShort e = assertThrows(BufferTooShort.class, () -> right.recvBytesInto(new byte[2]));
            assertEquals(PyBytes.of((byte) 7, (byte) 8, (byte) 9), e.data());
            assertEquals(List.of(), mp.wait(List.of(right), 0.0));
            left.send("x");
            List<Object> ready = mp.wait(List.of(right, left), WAIT);
            assertTrue(ready.contains(right));
            assertSame(right, ready.stream().filter(o -> o == right).findFirst().orElseThrow());
            assertEquals("x", right.recv());
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
            p.start();
            long sentinel = p.sentinel();
            assertEquals(List.of(sentinel), mp.wait(List.of(sentinel), WAIT));
            p.join(WAIT);
            left.close();
            assertTrue(left.closed());
            assertThrows(dev.pyconc.spi.exceptions.EOFError.class, right::recv);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void poolsAndTheirResults(String python) throws Exception {
        inCase(python, "pool", (a, mp) -> {
            PyCallable square = mp.routine(Routine.SQUARE);
            Pool pool = mp.pool(PoolOptions.of(2).withInitializer(mp.routine(Routine.SET_GLOBAL), List.of("init")));
            try {
                assertEquals(List.of(1L, 4L, 9L), pool.map(square, List.of(1L, 2L, 3L), null));
                assertEquals(5L, pool.apply(mp.routine(Routine.ADD), List.of(2L, 3L), Map.of()));
                assertEquals("init", pool.apply(mp.routine(Routine.GET_GLOBAL), List.of(), Map.of()));
                AsyncResult r = pool.applyAsync(square, List.of(7L), Map.of(), null, null);
                assertEquals(49L, r.get(WAIT));
                assertTrue(r.ready());
                assertTrue(r.successful());
                AsyncResult bad = pool.applyAsync(mp.routine(Routine.FAIL), List.of("no"), Map.of(), null, null);
                assertThrows(ValueError.class, () -> bad.get(WAIT));
                PoolIterator it = pool.imap(square, List.of(2L, 3L), 1);
                assertEquals(4L, it.next(WAIT));
                assertEquals(9L, it.next(WAIT));
                assertThrows(StopIteration.class, it::next);
                assertEquals(List.of(5L, 7L), pool.starmap(mp.routine(Routine.ADD), List.of(List.of(2L, 3L), List.of(3L, 4L)), null));
                // a task that cannot finish before the case says so: a timeout is multiprocessing.TimeoutError
                SharedMemory gate = a.module(SharedMemoryModule.class).sharedMemory(null, true, 8);
                AsyncResult gated = pool.applyAsync(mp.routine(Routine.AWAIT_GATE), List.of(gate.name(), "open", WAIT),
                        Map.of(), null, null);
                assertThrows(MultiprocessingTimeoutError.class, () -> gated.get(0.05));
                gate.buf().write(0, PyBytes.of((byte) 1));
                assertEquals("open", gated.get(WAIT));
            } finally {
                pool.close();
                pool.join();
            }
            Pool threads = mp.threadPool(PoolOptions.of(2));
            try {
                PyCallable javaDouble = (args, kwargs) -> (Long) args.get(0) * 2;
                assertEquals(List.of(2L, 4L), threads.map(javaDouble, List.of(1L, 2L), null));
            } finally {
                threads.terminate();
            }
            Pool dummy = mp.dummy().pool(PoolOptions.of(1));
            assertEquals(List.of(4L), dummy.map(square, List.of(2L), null));
            dev.pyconc.spi.queue.Queue dq = mp.dummy().queue(0);
            dq.put("d");
            assertEquals("d", dq.get());
            // left running on purpose: the end of the case terminates it
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void listenerAndClient(String python) throws Exception {
        inCase(python, "listener", (a, mp) -> {
            PyBytes key = PyBytes.utf8("secret");
            Listener inet = mp.listener(PyTuple.of("localhost", 0L), "AF_INET", 1, key);
            Object address = inet.address();
            assertTrue(address instanceof PyTuple, String.valueOf(address));
            // Client waits for the challenge that accept() sends: accept in another thread
            java.util.concurrent.CompletableFuture<Connection> accepted = new java.util.concurrent.CompletableFuture<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.complete(inet.accept());
                } catch (Throwable t) {
                    accepted.completeExceptionally(t);
                }
            });
            acceptor.start();
            Connection client = mp.client(address, "AF_INET", key);
            Connection server = accepted.get(30, TimeUnit.SECONDS);
            acceptor.join();
            client.send(List.of(1L, "a"));
            assertEquals(List.of(1L, "a"), server.recv());
            assertTrue(inet.lastAccepted() instanceof PyTuple);
            assertTrue(a.hasFeature(Feature.AF_UNIX));
            Listener unix = mp.listener(null, "AF_UNIX", 1, null);
            String path = (String) unix.address();
            Connection c2 = mp.client(path, "AF_UNIX", null);
            Connection s2 = unix.accept();
            s2.sendBytes(PyBytes.utf8("hi"));
            assertEquals(PyBytes.utf8("hi"), c2.recvBytes());
            assertTrue(Files.exists(Path.of(path)));
            // a wrong key: both ends raise AuthenticationError
            Listener guarded = mp.listener(null, "AF_UNIX", 1, key);
            java.util.concurrent.CompletableFuture<Throwable> serverSide = new java.util.concurrent.CompletableFuture<>();
            Thread guard = new Thread(() -> {
                try {
                    guarded.accept();
                    serverSide.complete(null);
                } catch (Throwable t) {
                    serverSide.complete(t);
                }
            });
            guard.start();
            assertThrows(dev.pyconc.spi.exceptions.AuthenticationError.class,
                    () -> mp.client(guarded.address(), "AF_UNIX", PyBytes.utf8("wrong")));
            assertTrue(serverSide.get(30, TimeUnit.SECONDS) instanceof dev.pyconc.spi.exceptions.AuthenticationError);
            guard.join();
            // unix left open on purpose: closed, and its socket file removed, when the case ends
            a.endCase();
            assertFalse(Files.exists(Path.of(path)), "the AF_UNIX listener outlived its case: " + path);
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sharedMemoryAcrossProcesses(String python) throws Exception {
        String[] left = new String[1];
        inCase(python, "shm", (a, mp) -> {
            SharedMemoryModule shm = a.module(SharedMemoryModule.class);
            SharedMemory block = shm.sharedMemory(null, true, 16);
            assertTrue(block.size() >= 16);
            MemoryView view = block.buf();
            view.write(2, PyBytes.utf8("abc"));
            SimpleQueue q = mp.simpleQueue();
            PyProcess reader = mp.process(ProcessOptions.of(mp.routine(Routine.SHM_READ), block.name(), 2L, 3L, q));
            reader.start();
            assertEquals(PyBytes.utf8("abc"), q.get());
            reader.join(WAIT);
            PyProcess writer = mp.process(ProcessOptions.of(mp.routine(Routine.SHM_WRITE), block.name(), 0L, PyBytes.utf8("z")));
            writer.start();
            writer.join(WAIT);
            assertEquals(PyBytes.utf8("z"), view.read(0, 1));
            MemoryView slice = view.slice(0, 4);
            assertEquals(4L, slice.len());
            assertThrows(dev.pyconc.spi.exceptions.BufferError.class, block::close);
            slice.release();
            ShareableList list = shm.shareableList(List.of(1L, "two", 3.0, true), null);
            assertEquals("two", list.get(1));
            list.set(0, 10L);
            assertEquals(10L, shm.shareableList(null, list.shm().name()).get(0));
            assertEquals(4L, list.len());
            SharedMemory attached = shm.sharedMemory(block.name(), false, 0);
            assertEquals(PyBytes.utf8("z"), attached.buf().read(0, 1));
            assertThrows(FileNotFoundError.class, () -> shm.sharedMemory("pyconc_no_such_block", false, 0));
            left[0] = block.name();
            // block and list left linked on purpose: the end of the case unlinks them
        });
        assertFalse(Files.exists(Path.of("/dev/shm", left[0].replaceFirst("^/", ""))), "a block outlived its case");
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void sharedMemoryManager(String python) throws Exception {
        inCase(python, "smm", (a, mp) -> {
            SharedMemoryManager smm = mp.sharedMemoryManager();
            smm.start();
            SharedMemory block = smm.sharedMemory(8);
            String name = block.name().replaceFirst("^/", "");
            assertTrue(Files.exists(Path.of("/dev/shm", name)));
            ShareableList list = smm.shareableList(List.of(1L, 2L));
            assertEquals(2L, list.get(1));
            block.close();
            list.shm().close();
            smm.shutdown();
            assertFalse(Files.exists(Path.of("/dev/shm", name)));
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void endOfCaseEndsLeftChildrenAndRestoresTheStartMethod(String python) throws Exception {
        long[] pid = new long[1];
        inCase(python, "hygiene", (a, mp) -> {
            Event never = mp.event();
            SimpleQueue q = mp.simpleQueue();
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.WAIT_EVENT), never, null, q));
            p.start();
            pid[0] = p.pid();
            mp.setStartMethod("spawn", true);
            assertEquals("spawn", mp.getStartMethod());
            Context spawn = mp.getContext("spawn");
            assertEquals("spawn", spawn.getStartMethod());
            assertThrows(ValueError.class, () -> spawn.setStartMethod("fork", false));
        });
        assertFalse(ProcessHandle.of(pid[0]).map(ProcessHandle::isAlive).orElse(false), "a child outlived its case");
        // unset at hello, and unset again after each case, whatever fixed it (on 3.11 even a spawn child's start)
        inCase(python, "after", (a, mp) -> {
            assertNull(mp.getStartMethod(true));
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
            p.start();
            p.join(WAIT);
            assertEquals("forkserver", mp.getContext(null).getStartMethod());
        });
        inCase(python, "after2", (a, mp) -> assertNull(mp.getStartMethod(true)));
    }

    /**
     * spawn and forkserver children re-import the agent script as {@code __mp_main__}: its module level must not
     * run main() there (which would take the child's fd 0 and 1 for the protocol). A child reports whether it did.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void childrenImportTheAgentWithoutRunningIt(String python) throws Exception {
        inCase(python, "mpmain", (a, mp) -> {
            PyCallable eval = a.module(dev.pyconc.spi.futures.FuturesModule.class).function("builtins.eval");
            String probe = "(__import__('sys').modules['__mp_main__']._OUT, __import__('sys').modules['__mp_main__']._IN,"
                    + " __import__('pyconc_mp_routines').__name__)";
            for (String method : List.of("spawn", "forkserver")) {
                Pool pool = mp.getContext(method).pool(PoolOptions.of(1));
                try {
                    assertEquals(List.of(java.util.Arrays.asList(null, null, "pyconc_mp_routines")),
                            List.of(pool.apply(eval, List.of(probe), Map.of())), method);
                } finally {
                    pool.terminate();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("pythons")
    void featuresAreTriedFromTheAgent(String python) {
        CpythonAdapter a = adapter(python);
        assertTrue(a.hasFeature(Feature.START_METHOD_SPAWN), a.details().toString());
        assertTrue(a.hasFeature(Feature.START_METHOD_FORKSERVER), a.details().toString());
        assertTrue(a.hasFeature(Feature.SEM_GETVALUE));
        assertTrue(a.hasFeature(Feature.AF_UNIX));
        assertTrue(a.hasFeature(Feature.START_METHOD_FORK), a.details().toString());
    }

    /**
     * Median wall time of Process(target=noop).start() + join() through the bridge, per start method, printed
     * for the report; each must end normally.
     */
    @ParameterizedTest
    @MethodSource("pythons")
    void processStartJoinCost(String python) throws Exception {
        inCase(python, "cost", (a, mp) -> {
            PyCallable noop = mp.routine(Routine.NOOP);
            for (String method : List.of("forkserver", "spawn", "fork")) {
                Context ctx = mp.getContext(method);
                int n = 7;
                long[] ns = new long[n];
                for (int i = 0; i < n; i++) {
                    PyProcess p = ctx.process(ProcessOptions.of(noop));
                    long t0 = System.nanoTime();
                    p.start();
                    p.join(WAIT);
                    ns[i] = System.nanoTime() - t0;
                    assertEquals(0L, p.exitcode());
                }
                java.util.Arrays.sort(ns);
                System.out.printf("[mp bridge] %s %s: Process start+join median %.1f ms (min %.1f, max %.1f)%n",
                        a.implementation(), method, ns[n / 2] / 1e6, ns[0] / 1e6, ns[n - 1] / 1e6);
            }
        });
    }

    /**
     * Option startMethod picks the context of the module's calls without touching the global start method; an
     * unknown method makes the adapter unavailable. A fork context works from the agent too (it is claimed).
     */
    @Test
    void theStartMethodComesFromTheConfiguration() throws Exception {
        assertThrows(dev.pyconc.spi.AdapterUnavailableException.class, () -> new CpythonAdapterProvider()
                .create(new AdapterConfig(Map.of("startMethod", "no-such-method"))));
        CpythonAdapter a = (CpythonAdapter) new CpythonAdapterProvider().create(new AdapterConfig(Map.of("startMethod", "spawn")));
        try {
            a.beginCase("MultiprocessingBridgeTest#config");
            MultiprocessingModule mp = a.module(MultiprocessingModule.class);
            assertEquals("spawn", mp.getContext(null).getStartMethod());
            assertNull(mp.getStartMethod(true));
            SimpleQueue q = mp.simpleQueue();
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.PUT), q, "spawned"));
            p.start();
            assertEquals("spawned", q.get());
            p.join(WAIT);
            Context fork = mp.getContext("fork");
            SimpleQueue fq = fork.simpleQueue();
            PyProcess f = fork.process(ProcessOptions.of(mp.routine(Routine.PUT), fq, "forked"));
            f.start();
            assertEquals("forked", fq.get());
            f.join(WAIT);
            assertEquals(0L, f.exitcode());
            assertNull(mp.getStartMethod(true), "the global start method stays unset");
            a.endCase();
        } finally {
            a.close();
        }
    }

    /** Closing an adapter whose agent started a forkserver and a resource tracker ends them both. */
    @Test
    void closeEndsTheForkserverAndTheResourceTracker() throws Exception {
        CpythonAdapter a = (CpythonAdapter) new CpythonAdapterProvider().create(new AdapterConfig(Map.of()));
        List<ProcessHandle> descendants;
        try {
            a.beginCase("MultiprocessingBridgeTest#close");
            MultiprocessingModule mp = a.module(MultiprocessingModule.class);
            SharedMemory block = a.module(SharedMemoryModule.class).sharedMemory(null, true, 8); // the tracker
            PyProcess p = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
            p.start();
            p.join(WAIT);
            block.close();
            block.unlink();
            descendants = ProcessHandle.of(agentPid(a)).orElseThrow().descendants().toList();
            a.endCase();
            assertTrue(descendants.size() >= 2, "a forkserver and a resource tracker: " + descendants);
        } finally {
            a.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() - deadline < 0 && descendants.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), descendants.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
    }
}

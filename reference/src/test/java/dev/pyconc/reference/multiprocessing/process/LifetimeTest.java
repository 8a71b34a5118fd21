package dev.pyconc.reference.multiprocessing.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.reference.multiprocessing.sync.Barrier;
import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.reference.multiprocessing.sync.Semaphore;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who may unlink a named semaphore or the Barrier's block, and how long a process's arguments live: only the
 * object that created a name unlinks it (by close, when collected, or at its JVM's exit), never a copy rebuilt from
 * its reduction, in this JVM or a child; and an argument the caller keeps no reference to stays alive until the
 * child has it (CPython's {@code Popen} and {@code _children} keep {@code process_obj}). Garbage collection is
 * forced at the moments where a wrong owner would unlink.
 */
@Timeout(180)
class LifetimeTest {
    static final double LONG = 30.0;
    private RefMultiprocessingModule mp;
    private final List<PyProcess> started = new ArrayList<>();
    private final List<Connection> conns = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mp = new RefMultiprocessingModule();
    }

    @AfterEach
    void tearDown() {
        for (Connection c : conns) {
            c.close();
        }
        mp.cleanUp();
    }

    private PyProcess start(Routine r, Object... args) {
        PyProcess p = mp.process(ProcessOptions.of(mp.routine(r), args));
        started.add(p);
        p.start();
        return p;
    }

    private List<Connection> pipe() {
        List<Connection> p = mp.pipe(false);
        conns.addAll(p);
        return p;
    }

    private static long joined(PyProcess p) {
        p.join(LONG);
        assertNotNull(p.exitcode(), "child did not end within " + LONG + " s");
        return p.exitcode();
    }

    private static Object next(Connection c) {
        assertTrue(c.poll(LONG), "no message within " + LONG + " s");
        return c.recv();
    }

    private static Path semFile(String name) {
        return Path.of("/dev/shm", "sem." + name.substring(1));
    }

    /** Several collections, each given a moment for the Cleaner thread to run what it found. */
    private static void collect() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20); // the Cleaner thread's turn: nothing here waits for another thread's state
        }
    }

    /** A copy rebuilt in the creating JVM, closed or collected, leaves the name to its creator. */
    @Test
    void rebuiltCopyNeverUnlinks() throws InterruptedException {
        Semaphore s = new Semaphore(0);
        Path file = semFile(s.name());
        try {
            Semaphore copy = (Semaphore) Rebuilders.rebuild(s.reduce());
            copy.close();
            Rebuilders.rebuild(s.reduce()); // dropped at once: left to the Cleaner
            collect();
            assertTrue(Files.exists(file), "a rebuilt copy unlinked its creator's semaphore");
            s.release();
            assertEquals(1, s.getValue());
        } finally {
            s.close();
        }
        assertFalse(Files.exists(file), "the creator's close unlinks");
    }

    /**
     * SemaphoreCases#unitsSharedAcrossProcesses with collections at the dangerous moments: two children in turn
     * rebuild the parent's Semaphore; the first one's end (and its copy's) must not unlink the name.
     */
    @RepeatedTest(3)
    void childrenInTurnRebuildTheParentsSemaphore() throws InterruptedException {
        Semaphore s = new Semaphore(0);
        Path file = semFile(s.name());
        List<Connection> pipe = pipe();
        try {
            PyProcess taker = start(Routine.ACQUIRE, s, LONG, pipe.get(1));
            collect();
            s.release();
            assertEquals(Boolean.TRUE, next(pipe.get(0)), "the child's acquire");
            assertEquals(0L, joined(taker));
            collect();
            assertTrue(Files.exists(file), "a child that rebuilt the semaphore unlinked it at its end");
            assertFalse(s.acquire(false));
            PyProcess giver = start(Routine.RELEASE, s, pipe.get(1));
            assertEquals("released", next(pipe.get(0)), "the second child's release (it could open the name)");
            assertEquals(0L, joined(giver));
            assertTrue(s.acquire(false), "the unit the second child released");
            assertTrue(Files.exists(file));
        } finally {
            s.close();
        }
        assertFalse(Files.exists(file), "the creator's close unlinks");
    }

    /** A Barrier's three semaphores, its lock's and its state block stay after a child that rebuilt it ends. */
    @Test
    void childThatRebuiltABarrierLeavesItsNames() throws InterruptedException {
        Barrier b = new Barrier(2);
        List<String> entries = new ArrayList<>(dev.pyconc.reference.multiprocessing.sync.Leaks.entries(b));
        List<Connection> pipe = pipe();
        try {
            PyProcess child = start(Routine.BARRIER_WAIT, b, pipe.get(1));
            long mine = b.await(LONG);
            Object theirs = next(pipe.get(0));
            assertEquals(1L, mine + ((Number) theirs).longValue(), "indices 0 and 1");
            assertEquals(0L, joined(child));
            collect();
            for (String e : entries) {
                assertTrue(Files.exists(Path.of("/dev/shm", e)), e + " unlinked by a child that rebuilt the Barrier");
            }
            PyProcess again = start(Routine.BARRIER_WAIT, b, pipe.get(1));
            b.await(LONG);
            next(pipe.get(0));
            assertEquals(0L, joined(again), "a second child rebuilds the same Barrier");
        } finally {
            b.close();
        }
        dev.pyconc.reference.multiprocessing.sync.Leaks.assertClean(new java.util.TreeSet<>(entries));
    }

    /**
     * An argument nobody else holds (a Lock made inline, as {@code Process(target=f, args=(Lock(),)).start()}, the
     * process object not kept either) lives until the child has rebuilt it: collections while the child starts must not unlink its name; once the process is done
     * with and forgotten, the Lock is collected and its name unlinked.
     */
    @RepeatedTest(3)
    void inlineArgumentLivesUntilTheChildHasIt() throws InterruptedException {
        List<Connection> pipe = pipe();
        String name;
        {
            Lock lock = new Lock();
            name = lock.name();
            // neither the Lock nor the process object is held here: only what start() keeps
            mp.process(ProcessOptions.of(mp.routine(Routine.ACQUIRE), lock, LONG, pipe.get(1))).start();
        }
        Path file = semFile(name);
        long end = System.nanoTime() + (long) (LONG * 1e9);
        while (!pipe.get(0).poll(0.05) && System.nanoTime() < end) {
            collect(); // all the while the child starts and opens the name
        }
        assertEquals(Boolean.TRUE, next(pipe.get(0)), "the child opened and acquired the inline Lock");
        end = System.nanoTime() + (long) (LONG * 1e9);
        while (!mp.activeChildren().isEmpty() && System.nanoTime() < end) { // reaps the child once it has ended
            Thread.sleep(20);
        }
        assertTrue(mp.activeChildren().isEmpty(), "the child did not end within " + LONG + " s");
        end = System.nanoTime() + 10_000_000_000L;
        while (Files.exists(file) && System.nanoTime() < end) {
            collect();
        }
        assertFalse(Files.exists(file), "the Lock's name is unlinked once nothing holds it");
    }
}

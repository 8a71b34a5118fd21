package dev.pyconc.reference.multiprocessing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.Peers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The synchronize classes shared with a second JVM ({@link SyncPeer}) that rebuilds them from their reductions:
 * the same semaphores by name, the same Barrier state block. Each child is ended (and waited for) by the test.
 */
@Timeout(120)
class SyncCrossProcessTest {
    private final List<AutoCloseable> made = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    private final Set<String> entries = new java.util.TreeSet<>();

    @BeforeEach
    void snapshot() {
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : children) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            p.waitFor(30, TimeUnit.SECONDS);
        }
        for (AutoCloseable c : made) {
            c.close();
        }
        dev.pyconc.reference.multiprocessing.sync.Leaks.assertClean(entries);
    }

    private <T extends AutoCloseable> T keep(T c) {
        made.add(c);
        if (c instanceof dev.pyconc.reference.multiprocessing.Reducible r) {
            entries.addAll(Leaks.entries(r));
        }
        return c;
    }

    /** A child and its output lines, read on a daemon thread so that every wait for a line is bounded. */
    private final class Child {
        final Process p;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Child(String... args) throws IOException {
            p = Peers.java(SyncPeer.class, args);
            children.add(p);
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("read failed: " + e);
                }
            }, "peer-reader");
            t.setDaemon(true);
            t.start();
        }

        String line() throws InterruptedException {
            String l = lines.poll(60, TimeUnit.SECONDS);
            if (l == null) {
                throw new AssertionError("no line from the child within 60 s");
            }
            if (l.startsWith("Exception") || l.contains("Error:") && !l.startsWith("AssertionError")) {
                StringBuilder b = new StringBuilder(l);
                for (String m; (m = lines.poll(1, TimeUnit.SECONDS)) != null; ) {
                    b.append('\n').append(m);
                }
                throw new AssertionError("child failed: " + b);
            }
            return l;
        }

        void exitsCleanly() throws InterruptedException {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit");
            assertEquals(0, p.exitValue(), "child exit status; rest of output: " + lines);
        }
    }

    @Test
    void aLockHeldByAChildIsHeldHere() throws Exception {
        Lock lock = keep(new Lock());
        Event go = keep(new Event());
        Child c = new Child("lock-hold", SyncPeer.encode(lock), SyncPeer.encode(go));
        assertEquals("held", c.line());
        assertTrue(lock.locked());
        assertFalse(lock.acquire(false));
        go.set();
        assertEquals("go=true", c.line());
        assertTrue(lock.acquire(true, 60.0), "released by the child");
        lock.release();
        c.exitsCleanly();
    }

    @Test
    void anRLockOwnedHereIsNotOwnedByTheChild() throws Exception {
        RLock r = keep(new RLock());
        r.acquire();
        Child c = new Child("rlock-foreign", SyncPeer.encode(r));
        assertEquals("acquire=false", c.line());
        assertEquals("AssertionError", c.line());
        c.exitsCleanly();
        assertTrue(r.locked());
        r.release();
    }

    @Test
    void aConditionNotifiedHereWakesTheChild() throws Exception {
        Condition cond = keep(new Condition());
        Child c = new Child("condition-wait", SyncPeer.encode(cond));
        assertEquals("waiting", c.line());
        // the child printed while holding the lock; once this process gets the lock, the child is in wait()
        assertTrue(cond.acquire(true, 60.0));
        cond.signal(); // returns when the child has woken
        cond.release();
        assertEquals("woken=true", c.line());
        c.exitsCleanly();
    }

    @Test
    void aBarrierSpansTwoJvms() throws Exception {
        Barrier b = keep(new Barrier(2, null, 60.0));
        Child c = new Child("barrier", SyncPeer.encode(b));
        long mine = b.await();
        Set<Long> indices = new TreeSet<>(List.of(mine, Long.parseLong(c.line().substring("index=".length()))));
        assertEquals(Set.of(0L, 1L), indices);
        c.exitsCleanly();
        assertFalse(b.broken());
    }

    @Test
    void semaphoreUnitsReleasedHereAreTakenThere() throws Exception {
        Semaphore s = keep(new Semaphore(0));
        Child c = new Child("semaphore-take", SyncPeer.encode(s));
        for (int i = 0; i < 3; i++) {
            s.release();
        }
        assertEquals("took=3", c.line());
        c.exitsCleanly();
        assertEquals(0, s.getValue());
    }
}

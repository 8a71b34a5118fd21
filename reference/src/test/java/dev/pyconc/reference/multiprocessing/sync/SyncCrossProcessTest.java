package dev.pyconc.reference.multiprocessing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.reference.multiprocessing.PeerProcess;
import dev.pyconc.reference.multiprocessing.Peers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The synchronize classes shared with a second JVM ({@link SyncPeer}) that rebuilds them from their reductions:
 * the same semaphores by name, the same Barrier state block. Each child is ended (and waited for) by the test.
 */
@Timeout(120)
class SyncCrossProcessTest {
    private final List<AutoCloseable> made = new ArrayList<>();
    private final List<PeerProcess> children = new ArrayList<>();
    private final Set<String> entries = new TreeSet<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (PeerProcess p : children) {
            p.close();
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

    private PeerProcess child(String... args) throws IOException {
        PeerProcess c = new PeerProcess(Peers.java(SyncPeer.class, args), "the child");
        children.add(c);
        return c;
    }

    /** The child's next line; a line that reports an exception fails the test with the rest of the output. */
    private static String line(PeerProcess c) throws InterruptedException {
        String l = c.line();
        if (l.startsWith("Exception") || l.contains("Error:") && !l.startsWith("AssertionError")) {
            throw c.failure("child failed", l);
        }
        return l;
    }

    @Test
    void aLockHeldByAChildIsHeldHere() throws Exception {
        Lock lock = keep(new Lock());
        Event go = keep(new Event());
        PeerProcess c = child("lock-hold", SyncPeer.encode(lock), SyncPeer.encode(go));
        assertEquals("held", line(c));
        assertTrue(lock.locked());
        assertFalse(lock.acquire(false));
        go.set();
        assertEquals("go=true", line(c));
        assertTrue(lock.acquire(true, 60.0), "released by the child");
        lock.release();
        c.exitsCleanly();
    }

    @Test
    void anRLockOwnedHereIsNotOwnedByTheChild() throws Exception {
        RLock r = keep(new RLock());
        r.acquire();
        PeerProcess c = child("rlock-foreign", SyncPeer.encode(r));
        assertEquals("acquire=false", line(c));
        assertEquals("AssertionError", line(c));
        c.exitsCleanly();
        assertTrue(r.locked());
        r.release();
    }

    @Test
    void aConditionNotifiedHereWakesTheChild() throws Exception {
        Condition cond = keep(new Condition());
        PeerProcess c = child("condition-wait", SyncPeer.encode(cond));
        assertEquals("waiting", line(c));
        // the child printed while holding the lock; once this process gets the lock, the child is in wait()
        assertTrue(cond.acquire(true, 60.0));
        cond.signal(); // returns when the child has woken
        cond.release();
        assertEquals("woken=true", line(c));
        c.exitsCleanly();
    }

    @Test
    void aBarrierSpansTwoJvms() throws Exception {
        Barrier b = keep(new Barrier(2, null, 60.0));
        PeerProcess c = child("barrier", SyncPeer.encode(b));
        long mine = b.await();
        Set<Long> indices = new TreeSet<>(List.of(mine, Long.parseLong(line(c).substring("index=".length()))));
        assertEquals(Set.of(0L, 1L), indices);
        c.exitsCleanly();
        assertFalse(b.broken());
    }

    @Test
    void semaphoreUnitsReleasedHereAreTakenThere() throws Exception {
        Semaphore s = keep(new Semaphore(0));
        PeerProcess c = child("semaphore-take", SyncPeer.encode(s));
        for (int i = 0; i < 3; i++) {
            s.release();
        }
        assertEquals("took=3", line(c));
        c.exitsCleanly();
        assertEquals(0, s.getValue());
    }
}

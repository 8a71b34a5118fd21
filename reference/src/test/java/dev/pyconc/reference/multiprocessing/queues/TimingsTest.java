package dev.pyconc.reference.multiprocessing.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pyconc.reference.multiprocessing.sync.Lock;
import dev.pyconc.reference.multiprocessing.sync.RLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rough costs, printed for the record (no bound is asserted: the machine is shared): uncontended lock operations and
 * in-process queue round trips. Each loop still checks its results, so a broken primitive fails here too.
 */
@Timeout(120)
class TimingsTest {
    private static double nsPer(long t0, long n) {
        return (System.nanoTime() - t0) / (double) n;
    }

    @Test
    void uncontendedLocksAndInProcessRoundTrips() {
        StringBuilder report = new StringBuilder();
        try (Lock l = new Lock(); RLock r = new RLock()) {
            for (int round = 0; round < 2; round++) { // the first round warms up
                int n = 200_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    l.acquire();
                    l.release();
                }
                double lock = nsPer(t0, n);
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    r.acquire();
                    r.release();
                }
                double rlock = nsPer(t0, n);
                assertFalse(l.locked());
                assertFalse(r.locked());
                if (round == 1) {
                    report.append(String.format("Lock acquire+release %.0f ns; RLock acquire+release %.0f ns%n", lock, rlock));
                }
            }
        }
        Queue q = new Queue();
        SimpleQueue s = new SimpleQueue();
        try {
            for (int round = 0; round < 2; round++) {
                int n = 5_000;
                long t0 = System.nanoTime();
                for (long i = 0; i < n; i++) {
                    q.put(i);
                    assertEquals(i, ((Number) q.get()).longValue());
                }
                double queue = nsPer(t0, n);
                t0 = System.nanoTime();
                for (long i = 0; i < n; i++) {
                    s.put(i);
                    assertEquals(i, ((Number) s.get()).longValue());
                }
                double simple = nsPer(t0, n);
                if (round == 1) {
                    report.append(String.format("Queue put+get round trip %.1f us; SimpleQueue put+get %.1f us%n", queue / 1e3, simple / 1e3));
                }
            }
        } finally {
            q.dispose();
            s.dispose();
        }
        System.out.print(report);
    }
}

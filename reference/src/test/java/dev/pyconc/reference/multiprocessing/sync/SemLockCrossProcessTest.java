package dev.pyconc.reference.multiprocessing.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pyconc.reference.multiprocessing.Hygiene;
import dev.pyconc.reference.multiprocessing.Peers;
import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutual exclusion between OS processes on one named semaphore: other JVMs ({@link CounterWorker}), CPython 3.14
 * and 3.11 attaching with {@code _multiprocessing.SemLock._rebuild(0, SEMAPHORE, 1, name)}, and this JVM, all
 * incrementing one counter in a shared block with a slow read-modify-write. Seeded: the seed picks the number of
 * processes, the iterations and each process's mix of blocking, timed and non-blocking acquires.
 */
@Timeout(180)
class SemLockCrossProcessTest {
    private Set<String> before;
    private Set<Long> trackersBefore;

    @BeforeEach
    void snapshot() {
        before = Hygiene.devShm();
        trackersBefore = Hygiene.resourceTrackers();
    }

    @AfterEach
    void clean() throws InterruptedException {
        Hygiene.assertClean(before, trackersBefore);
    }

    /** A started peer and its output, read by a thread of its own so that no read can hang the test. */
    private record Peer(Process process, java.util.concurrent.BlockingQueue<String> lines, String what) {
        private static final String EOF = new String("EOF");

        static Peer of(Process p, String what) {
            java.util.concurrent.BlockingQueue<String> q = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        q.add(line);
                    }
                } catch (java.io.IOException e) {
                    q.add("(read failed: " + e + ")");
                } finally {
                    q.add(EOF);
                }
            }, "peer output " + p.pid());
            t.setDaemon(true);
            t.start();
            return new Peer(p, q, what);
        }

        /** The next line, or null at the end of the output or after {@code seconds}. */
        String next(double seconds) throws InterruptedException {
            String l = lines.poll((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            return l == EOF ? null : l;
        }

        /** The remaining output, once the process has ended (killed after {@code seconds}). */
        String rest(double seconds) throws InterruptedException {
            if (!process.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            StringBuilder b = new StringBuilder();
            for (String l; (l = next(5)) != null; ) {
                b.append(l).append('\n');
            }
            return b.toString();
        }
    }

    /**
     * Runs the counter with the given peers (each started with sem, block, iterations, seed, id) plus this JVM
     * doing {@code ownIterations}; returns the final counter and the total violations seen.
     */
    private long[] race(String semName, List<java.util.function.BiFunction<String, String[], Process>> starters, int iterations,
            int ownIterations, long seed) throws Exception {
        SharedMemory block = SharedMemory.create(64);
        SemLock lock = semName.equals("-") ? null : SemLock.rebuild(SemLock.SEMAPHORE, 1, semName);
        List<Peer> peers = new ArrayList<>();
        try {
            Random rnd = new Random(seed);
            for (int i = 0; i < starters.size(); i++) {
                String[] args = {semName, block.name(), String.valueOf(iterations), String.valueOf(rnd.nextLong()), String.valueOf(i + 2)};
                Process p = starters.get(i).apply(block.name(), args);
                peers.add(Peer.of(p, p.info().command().orElse("?")));
            }
            for (Peer p : peers) {
                String line = p.next(60);
                if (!"ready".equals(line)) {
                    p.process.destroyForcibly();
                    throw new AssertionError(p.what + " did not start: " + line + "\n" + p.rest(5));
                }
            }
            long ownSeed = rnd.nextLong();
            block.buf().putLong(24, 1); // go
            long violations = CounterWorker.run(lock, block.buf(), ownIterations, ownSeed, 1);
            for (Peer p : peers) {
                String out = p.rest(120);
                assertEquals(0, p.process.exitValue(), p.what + ": " + out);
                String v = out.lines().filter(l -> l.startsWith("violations=")).findFirst().orElseThrow(
                        () -> new AssertionError(p.what + ": " + out));
                violations += Long.parseLong(v.substring("violations=".length()));
            }
            return new long[] {block.buf().getLong(0), violations};
        } finally {
            for (Peer p : peers) {
                p.process.destroyForcibly().waitFor();
            }
            if (lock != null) {
                lock.close();
            }
            block.close();
            block.unlink();
        }
    }

    private static Process javaPeer(String[] args) {
        try {
            return Peers.java(CounterWorker.class, args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Process pythonPeer(Path python, String[] args) {
        try {
            return Peers.python(python, CounterWorker.PY, args);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** N JVMs (2 to 4 with this one) x M increments (300 to 1500): the total is exact and nobody met anybody inside. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 2L, 3L})
    void jvmsExcludeEachOther(long seed) throws Exception {
        Random r = new Random(seed);
        int children = 1 + r.nextInt(3);
        int m = 300 + r.nextInt(1201);
        String name = SemLock.makeName();
        try (SemLock creator = SemLock.create(SemLock.SEMAPHORE, 1, 1, name, false)) {
            List<java.util.function.BiFunction<String, String[], Process>> starters = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                starters.add((b, a) -> javaPeer(a));
            }
            long t0 = System.nanoTime();
            long[] res = race(name, starters, m, m, seed);
            System.out.printf("seed %d: %d JVMs x %d increments in %.2f s%n", seed, children + 1, m, (System.nanoTime() - t0) / 1e9);
            assertEquals(0, res[1], "seed " + seed + ": processes met inside the critical section");
            assertEquals((long) (children + 1) * m, res[0], "seed " + seed + ": lost updates");
            assertEquals(1, creator.getValue(), "released as often as acquired");
        } finally {
            SemLock.unlink(name);
        }
    }

    /** Java (this JVM and another), CPython 3.14 and CPython 3.11 on one semaphore created by Java. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7L, 8L})
    void javaAndCPythonExcludeEachOther(long seed) throws Exception {
        List<Path> pythons = Peers.pythons();
        assumeTrue(!pythons.isEmpty(), "no CPython found");
        int m = 300 + new Random(seed).nextInt(501);
        String name = SemLock.makeName();
        try (SemLock creator = SemLock.create(SemLock.SEMAPHORE, 1, 1, name, false)) {
            List<java.util.function.BiFunction<String, String[], Process>> starters = new ArrayList<>();
            starters.add((b, a) -> javaPeer(a));
            for (Path py : pythons) {
                starters.add((b, a) -> pythonPeer(py, a));
            }
            long t0 = System.nanoTime();
            long[] res = race(name, starters, m, m, seed);
            System.out.printf("seed %d: 2 JVMs + %s x %d increments in %.2f s%n", seed, pythons, m, (System.nanoTime() - t0) / 1e9);
            assertEquals(0, res[1], "seed " + seed + ": processes met inside the critical section");
            assertEquals((long) (starters.size() + 1) * m, res[0], "seed " + seed + ": lost updates");
            assertEquals(1, creator.getValue());
        } finally {
            SemLock.unlink(name);
        }
    }

    /**
     * The control: the same loops without the lock do meet inside and lose updates, so the checks above can see a
     * failure of exclusion (tried up to three times: an overlap is likely, not certain).
     */
    @Test
    void withoutTheLockTheCheckSeesOverlaps() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            long[] res = race("-", List.of((b, a) -> javaPeer(a)), 20000, 20000, 11L + attempt);
            if (res[1] > 0 && res[0] < 40000) {
                return;
            }
        }
        throw new AssertionError("no overlap seen without the lock in three tries");
    }

    /** A CPython process blocked in acquire() on a Java-created semaphore is woken by a release in this JVM, and the reverse. */
    @Test
    void blockedPeersAreWokenAcrossProcesses() throws Exception {
        List<Path> pythons = Peers.pythons();
        assumeTrue(!pythons.isEmpty(), "no CPython found");
        for (Path py : pythons) {
            String name = SemLock.makeName();
            try (SemLock s = SemLock.create(SemLock.SEMAPHORE, 0, SemLock.SEM_VALUE_MAX, name, false)) {
                Peer p = Peer.of(Peers.python(py, String.join("\n",
                        "import sys, time, _multiprocessing",
                        "s = _multiprocessing.SemLock._rebuild(0, 1, 2147483647, sys.argv[1])",
                        "print('waiting', flush=True)",
                        "t = time.monotonic(); s.acquire()",
                        "print('woken after %.2f' % (time.monotonic() - t), flush=True)",
                        "time.sleep(0.2); s.release()"), name), py.toString());
                assertEquals("waiting", p.next(30));
                Thread.sleep(300);
                assertTrue(p.process.isAlive(), "still blocked");
                s.release();
                String woken = p.next(30);
                assertTrue(woken != null && woken.startsWith("woken after "), woken);
                CompletableFuture<Boolean> got = CompletableFuture.supplyAsync(() -> s.acquire(true, 10.0));
                assertTrue(got.get(15, TimeUnit.SECONDS), "Java woken by CPython's release");
                assertEquals(0, p.process.waitFor());
                assertTrue(Files.exists(Path.of("/dev/shm/sem." + name.substring(1))));
            } finally {
                SemLock.unlink(name);
            }
            assertFalse(Files.exists(Path.of("/dev/shm/sem." + name.substring(1))));
        }
    }
}

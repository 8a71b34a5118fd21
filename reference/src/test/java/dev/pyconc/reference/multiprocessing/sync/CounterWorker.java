package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.shm.SharedMemory;
import java.util.Random;

/**
 * One process of the cross-process counter test (also run in the test's own JVM): increments the 64-bit counter
 * at offset 0 of a shared block {@code iterations} times under the named semaphore, with a deliberately slow
 * read-modify-write, and checks mutual exclusion directly through an "inside" marker at offset 8. Waits for the
 * go flag at offset 24 after printing {@code ready}, so that all processes run their loops at the same time.
 * Prints {@code violations=N} at the end. Arguments: semaphore name ({@code -} for no lock: the control run),
 * block name, iterations, seed, worker id (non-zero).
 */
public final class CounterWorker {
    private CounterWorker() {}

    public static void main(String[] args) throws InterruptedException {
        String sem = args[0];
        try (SharedMemory s = SharedMemory.attach(args[1], false);
                SemLock l = sem.equals("-") ? null : SemLock.rebuild(SemLock.SEMAPHORE, 1, sem)) {
            System.out.println("ready");
            System.out.flush();
            while (s.buf().getLong(24) == 0) {
                Thread.sleep(1);
            }
            long v = run(l, s.buf(), Integer.parseInt(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]));
            System.out.println("violations=" + v);
        }
    }

    /** The loop; returns the number of times another process was seen inside the critical section. */
    static long run(SemLock l, SharedMemory.Buffer b, int iterations, long seed, long id) {
        Random rnd = new Random(seed);
        long violations = 0;
        for (int i = 0; i < iterations; i++) {
            if (l != null) {
                switch (rnd.nextInt(3)) {
                    case 0 -> l.acquire();
                    case 1 -> {
                        while (!l.acquire(true, 0.005)) {
                            // a timed wait that may expire: try again
                        }
                    }
                    default -> {
                        while (!l.acquire(false)) {
                            Thread.yield();
                        }
                    }
                }
            }
            if (b.getLong(8) != 0) {
                violations++;
            }
            b.putLong(8, id);
            long c = b.getLong(0);
            int spins = rnd.nextInt(200);
            for (int k = 0; k < spins; k++) {
                Thread.onSpinWait();
            }
            if (rnd.nextInt(20) == 0) {
                Thread.yield();
            }
            b.putLong(0, c + 1);
            if (b.getLong(8) != id) {
                violations++;
            }
            b.putLong(8, 0);
            if (l != null) {
                l.release();
            }
        }
        return violations;
    }

    /** The same loop in Python, for CPython peers: {@code python -c PY sem block iterations seed id}. */
    static final String PY = String.join("\n",
            "import sys, struct, time, random, _multiprocessing",
            "from multiprocessing import shared_memory, resource_tracker",
            "sem, block, n, seed, me = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])",
            "if sys.version_info >= (3, 13):",
            "    s = shared_memory.SharedMemory(block, track=False)",
            "else:",
            "    s = shared_memory.SharedMemory(block)",
            "    resource_tracker.unregister(s._name, 'shared_memory')",
            "l = _multiprocessing.SemLock._rebuild(0, 1, 1, sem)  # SEMAPHORE, maxvalue 1: a Lock",
            "b = s.buf",
            "get = lambda o: struct.unpack_from('<q', b, o)[0]",
            "put = lambda o, v: struct.pack_into('<q', b, o, v)",
            "print('ready', flush=True)",
            "while get(24) == 0: time.sleep(0.001)",
            "rnd = random.Random(seed); bad = 0",
            "for i in range(n):",
            "    mode = rnd.randrange(3)",
            "    if mode == 0: l.acquire()",
            "    elif mode == 1:",
            "        while not l.acquire(True, 0.005): pass",
            "    else:",
            "        while not l.acquire(False): time.sleep(0)",
            "    if get(8) != 0: bad += 1",
            "    put(8, me); c = get(0)",
            "    for k in range(rnd.randrange(20)): pass",
            "    put(0, c + 1)",
            "    if get(8) != me: bad += 1",
            "    put(8, 0)",
            "    l.release()",
            "del b, get, put",
            "s.close()",
            "print('violations=%d' % bad, flush=True)");
}

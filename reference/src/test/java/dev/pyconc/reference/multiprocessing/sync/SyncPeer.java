package dev.pyconc.reference.multiprocessing.sync;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The child JVM of {@link SyncCrossProcessTest}: rebuilds the objects it is given (each a {@link Reduction}'s kind
 * and state, pickled and hex-encoded, as {@link #encode}) and runs one scenario with them, reporting on stdout.
 */
public final class SyncPeer {
    private SyncPeer() {}

    /** One argument for the child: {@code r.reduce()} pickled as {@code [kind, state]}, in hex. */
    public static String encode(Reducible r) {
        Reduction red = r.reduce();
        return HexFormat.of().formatHex(PickleCodec.dumps(List.of(red.kind(), red.state())));
    }

    @SuppressWarnings("unchecked")
    static Object decode(String hex) {
        List<Object> l = (List<Object>) PickleCodec.loads(HexFormat.of().parseHex(hex));
        return Rebuilders.rebuild(new Reduction((String) l.get(0), (List<Object>) l.get(1), List.of()));
    }

    private static void say(Object line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        List<Object> objs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            objs.add(decode(args[i]));
        }
        try {
            switch (args[0]) {
                case "lock-hold" -> {
                    Lock lock = (Lock) objs.get(0);
                    Event go = (Event) objs.get(1);
                    lock.acquire();
                    say("held");
                    say("go=" + go.await(30.0));
                    lock.release();
                }
                case "rlock-foreign" -> {
                    RLock r = (RLock) objs.get(0);
                    say("acquire=" + r.acquire(false));
                    try {
                        r.release();
                        say("released");
                    } catch (dev.pyconc.spi.exceptions.PyAssertionError e) {
                        say("AssertionError");
                    }
                }
                case "condition-wait" -> {
                    Condition c = (Condition) objs.get(0);
                    c.acquire();
                    say("waiting");
                    say("woken=" + c.await(30.0));
                    c.release();
                }
                case "barrier" -> {
                    Barrier b = (Barrier) objs.get(0);
                    say("index=" + b.await(30.0));
                }
                case "semaphore-take" -> {
                    Semaphore s = (Semaphore) objs.get(0);
                    int n = 0;
                    while (s.acquire(true, 30.0)) {
                        n++;
                        if (n == Integer.parseInt(System.getProperty("peer.n", "3"))) {
                            break;
                        }
                    }
                    say("took=" + n);
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        } finally {
            for (Object o : objs) {
                if (o instanceof AutoCloseable c) {
                    c.close();
                }
            }
        }
    }
}

package dev.pyconc.reference.multiprocessing.queues;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jnr.ffi.LibraryLoader;

/**
 * The child JVM of {@link QueuesCrossProcessTest}. A queue's reduction names file descriptors that the child must
 * inherit at the same numbers, which the process layer does with posix_spawn; this child is started by
 * {@code ProcessBuilder} (to test the queues apart from that layer), so it opens the parent's pipe ends itself
 * through {@code /proc/PPID/fd/N} and rewrites the fd numbers of the state before rebuilding: the same pipes,
 * other numbers.
 */
public final class QueuePeer {
    private QueuePeer() {}

    /** The C functions this child needs. */
    public interface LibC {
        int open(byte[] path, int flags);
    }

    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;

    /** One argument for the child: {@code [kind, state]} pickled, in hex. */
    public static String encode(Reducible r) {
        Reduction red = r.reduce();
        return HexFormat.of().formatHex(PickleCodec.dumps(List.of(red.kind(), red.state())));
    }

    @SuppressWarnings("unchecked")
    static Object decode(String hex, LibC libc, long ppid) {
        List<Object> l = (List<Object>) PickleCodec.loads(HexFormat.of().parseHex(hex));
        String kind = (String) l.get(0);
        List<Object> state = new ArrayList<>((List<Object>) l.get(1));
        int[] conns = kind.equals(SimpleQueue.KIND) ? new int[] {0, 1} : new int[] {2, 3};
        for (int i : conns) {
            List<Object> c = new ArrayList<>((List<Object>) state.get(i));
            int fd = ((Number) c.get(0)).intValue();
            boolean readable = (Boolean) c.get(1);
            byte[] path = ("/proc/" + ppid + "/fd/" + fd + "\0").getBytes(StandardCharsets.US_ASCII);
            int mine = libc.open(path, readable ? O_RDONLY : O_WRONLY);
            if (mine < 0) {
                throw new IllegalStateException("cannot open " + new String(path, StandardCharsets.US_ASCII).trim());
            }
            c.set(0, (long) mine);
            state.set(i, c);
        }
        return Rebuilders.rebuild(new Reduction(kind, state, List.of()));
    }

    private static void say(Object line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        LibC libc = LibraryLoader.create(LibC.class).load("c");
        long ppid = ProcessHandle.current().parent().orElseThrow().pid();
        switch (args[0]) {
            case "queue-double" -> {
                Queue in = (Queue) decode(args[1], libc, ppid);
                Queue out = (Queue) decode(args[2], libc, ppid);
                say("ready");
                while (true) {
                    Object x = in.get(true, 30.0);
                    if ("stop".equals(x)) {
                        break;
                    }
                    out.put(((Number) x).longValue() * 2);
                }
                out.close();
                out.joinThread(); // everything sent before this process ends
                say("done");
                in.dispose();
                out.dispose();
            }
            case "joinable-worker" -> {
                JoinableQueue q = (JoinableQueue) decode(args[1], libc, ppid);
                int n = Integer.parseInt(args[2]);
                for (int i = 0; i < n; i++) {
                    q.get(true, 30.0);
                    q.taskDone();
                }
                say("done");
                q.dispose();
            }
            case "simple-double" -> {
                SimpleQueue in = (SimpleQueue) decode(args[1], libc, ppid);
                SimpleQueue out = (SimpleQueue) decode(args[2], libc, ppid);
                while (true) {
                    Object x = in.get();
                    if ("stop".equals(x)) {
                        break;
                    }
                    out.put(((Number) x).longValue() * 2);
                }
                say("done");
                in.dispose();
                out.dispose();
            }
            case "put-and-exit" -> {
                Queue q = (Queue) decode(args[1], libc, ppid);
                String pad = "x".repeat(200);
                for (long i = 0; i < 3000; i++) {
                    q.put(i + pad); // 600 kB in all: far more than the pipe holds, so most is still buffered here
                }
                say("returning"); // no close, no join_thread: the exit waits for the feeder
            }
            case "own-queue-put-and-exit" -> {
                Queue q = new Queue();
                q.put(dev.pyconc.spi.PyBytes.of(new byte[1 << 20])); // more than the pipe holds; nobody reads it
                say("returning"); // the creator does not wait for its own feeder at exit
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }
}

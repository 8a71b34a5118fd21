package dev.pyconc.reference.multiprocessing.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.pyconc.reference.multiprocessing.PeerProcess;
import dev.pyconc.reference.multiprocessing.Peers;
import dev.pyconc.reference.multiprocessing.sync.Event;
import dev.pyconc.reference.multiprocessing.sync.Leaks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reference's Event (Condition, Lock, Semaphores) and Queue shared with a real CPython (3.14 and the system's
 * 3.11), which rebuilds them from their names with CPython's own {@code multiprocessing.synchronize} and
 * {@code multiprocessing.queues} classes ({@code __setstate__}, as unpickling does): the algorithms and the wire
 * format agree. The CPython opens the test JVM's pipe ends through {@code /proc/PPID/fd/N}, standing in for the fd
 * inheritance of a started process.
 */
@Timeout(180)
class SyncAndQueuesCpythonInteropTest {
    private final List<Runnable> disposals = new ArrayList<>();
    private final List<PeerProcess> children = new ArrayList<>();
    private final Set<String> entries = new TreeSet<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (PeerProcess p : children) {
            p.close();
        }
        for (Runnable d : disposals) {
            d.run();
        }
        Leaks.assertClean(entries);
    }

    private static final String PRELUDE = String.join("\n",
            "import os, sys",
            "from multiprocessing import synchronize as s, queues, connection",
            "MAX = s.SEM_VALUE_MAX",
            "def sem(cls, kind, maxvalue, name):",
            "    o = cls.__new__(cls); o.__setstate__((0, kind, maxvalue, name)); return o",
            "def cond(lock, a, b, c):",
            "    o = s.Condition.__new__(s.Condition)",
            "    o.__setstate__((lock, sem(s.Semaphore, 1, MAX, a), sem(s.Semaphore, 1, MAX, b), sem(s.Semaphore, 1, MAX, c)))",
            "    return o",
            "def event(names):",
            "    lock, a, b, c, flag = names.split(',')",
            "    e = s.Event.__new__(s.Event)",
            "    e._cond = cond(sem(s.Lock, 1, 1, lock), a, b, c)",
            "    e._flag = sem(s.Semaphore, 1, MAX, flag)",
            "    return e",
            "def pipe_end(fd, readable):",
            "    mine = os.open('/proc/%d/fd/%d' % (os.getppid(), fd), os.O_RDONLY if readable else os.O_WRONLY)",
            "    return connection.Connection(mine, readable=readable, writable=not readable)",
            "def queue(desc):",
            "    maxsize, rfd, wfd, rlock, wlock, bsem = desc.split(',')",
            "    q = queues.Queue.__new__(queues.Queue)",
            "    q.__setstate__((False, int(maxsize), pipe_end(int(rfd), True), pipe_end(int(wfd), False),",
            "        sem(s.Lock, 1, 1, rlock), sem(s.Lock, 1, 1, wlock), sem(s.BoundedSemaphore, 1, int(maxsize), bsem), os.getpid()))",
            "    return q",
            "def say(*a):",
            "    print(*a, flush=True)",
            "");

    /** Lock, the condition's three semaphores and the flag, as the script's {@code event()} takes them. */
    @SuppressWarnings("unchecked")
    private static String eventNames(Event e) {
        List<Object> st = e.reduce().state();
        List<Object> cond = (List<Object>) st.get(0);
        String lock = (String) ((List<Object>) cond.get(1)).get(0);
        return String.join(",", lock, (String) cond.get(2), (String) cond.get(3), (String) cond.get(4), (String) st.get(1));
    }

    @SuppressWarnings("unchecked")
    private static String queueDesc(Queue q) {
        List<Object> st = q.reduce().state();
        List<Object> bsem = (List<Object>) st.get(6);
        return String.join(",", String.valueOf(st.get(1)), String.valueOf(((List<Object>) st.get(2)).get(0)),
                String.valueOf(((List<Object>) st.get(3)).get(0)), (String) ((List<Object>) st.get(4)).get(0),
                (String) ((List<Object>) st.get(5)).get(0), (String) bsem.get(0));
    }

    private PeerProcess child(Path python, String script, String... args) throws IOException {
        PeerProcess c = new PeerProcess(Peers.python(python, PRELUDE + script, args), "CPython");
        children.add(c);
        return c;
    }

    @Test
    void eventsCrossBothWaysWithCpython() throws Exception {
        List<Path> pythons = Peers.pythons();
        assumeFalse(pythons.isEmpty(), "no CPython on this machine");
        for (Path python : pythons) {
            Event toPython = new Event();
            Event toJava = new Event();
            entries.addAll(Leaks.entries(toPython));
            entries.addAll(Leaks.entries(toJava));
            disposals.add(toPython::close);
            disposals.add(toJava::close);
            PeerProcess c = child(python, String.join("\n",
                    "a, b = event(sys.argv[1]), event(sys.argv[2])",
                    "say('waiting', a.is_set())",
                    "say('got', a.wait(30))",
                    "b.set()",
                    "say('set')"), eventNames(toPython), eventNames(toJava));
            c.expect("waiting False");
            toPython.set(); // notify_all through the shared condition wakes CPython's wait, if it waits already
            c.expect("got True");
            assertTrue(toJava.await(60.0), python + " set the event");
            c.expect("set");
            c.exitsCleanly();
        }
    }

    @Test
    void queueItemsCrossBothWaysWithCpython() throws Exception {
        List<Path> pythons = Peers.pythons();
        assumeFalse(pythons.isEmpty(), "no CPython on this machine");
        for (Path python : pythons) {
            Queue toPython = new Queue(4);
            Queue toJava = new Queue();
            entries.addAll(Leaks.entries(toPython));
            entries.addAll(Leaks.entries(toJava));
            disposals.add(toPython::dispose);
            disposals.add(toJava::dispose);
            PeerProcess c = child(python, String.join("\n",
                    "inq, outq = queue(sys.argv[1]), queue(sys.argv[2])",
                    "say('ready')",
                    "while True:",
                    "    x = inq.get(timeout=30)",
                    "    if x == 'stop': break",
                    "    outq.put([x, x * 2, str(x)])",
                    "outq.close(); outq.join_thread()",
                    "say('done')"), queueDesc(toPython), queueDesc(toJava));
            c.expect("ready");
            for (long i = 0; i < 40; i++) {
                toPython.put(i, true, 30.0); // maxsize 4: CPython's gets give the room back
            }
            toPython.put("stop", true, 30.0);
            for (long i = 0; i < 40; i++) {
                List<?> got = (List<?>) toJava.get(true, 30.0);
                assertEquals(i, ((Number) got.get(0)).longValue());
                assertEquals(2 * i, ((Number) got.get(1)).longValue());
                assertEquals(Long.toString(i), got.get(2));
            }
            c.expect("done");
            c.exitsCleanly();
            assertTrue(toJava.empty());
            assertEquals(0, toPython.qsize());
        }
    }
}

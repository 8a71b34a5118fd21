package dev.pyconc.reference.sched;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.Scheduler;
import dev.pyconc.spi.threading.RLock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The reference {@code sched.scheduler}, after CPython's design: a heap of events guarded by an RLock, and a
 * {@code run} loop that looks at the heap under the lock but calls {@code delayfunc} and the actions outside
 * it, so that other threads may enter and cancel events meanwhile, and actions may use the scheduler.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html#scheduler-objects">Scheduler objects</a>
 */
final class RefScheduler implements Scheduler {
    private final PyCallable timefunc;
    private final PyCallable delayfunc;
    private final RLock lock;
    private final PriorityQueue<RefSchedEvent> heap = new PriorityQueue<>();
    private long nextSequence;

    RefScheduler(PyCallable timefunc, PyCallable delayfunc, RLock lock) {
        this.timefunc = timefunc;
        this.delayfunc = delayfunc;
        this.lock = lock;
    }

    @Override
    public SchedEvent enterabs(double time, long priority, PyCallable action, List<Object> argument,
            Map<String, Object> kwargs) {
        List<Object> args = Collections.unmodifiableList(new ArrayList<>(argument));
        Map<String, Object> kw = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
        lock.acquire();
        try {
            RefSchedEvent e = new RefSchedEvent(time, priority, nextSequence++, action, args, kw);
            heap.add(e);
            return e;
        } finally {
            lock.release();
        }
    }

    @Override
    public SchedEvent enter(double delay, long priority, PyCallable action, List<Object> argument,
            Map<String, Object> kwargs) {
        double time = now() + delay;
        return enterabs(time, priority, action, argument, kwargs);
    }

    @Override
    public void cancel(SchedEvent event) {
        lock.acquire();
        try {
            // Identity, not equals: PriorityQueue.remove(Object) would do, but say so explicitly.
            if (!(event instanceof RefSchedEvent e) || !heap.removeIf(x -> x == e)) {
                throw new ValueError("list.remove(x): x not in list");
            }
        } finally {
            lock.release();
        }
    }

    @Override
    public boolean empty() {
        lock.acquire();
        try {
            return heap.isEmpty();
        } finally {
            lock.release();
        }
    }

    @Override
    public Double run(boolean blocking) {
        while (true) {
            RefSchedEvent due;
            double wait;
            lock.acquire();
            try {
                RefSchedEvent first = heap.peek();
                if (first == null) {
                    return null;
                }
                double now = now();
                if (first.time() > now) {
                    due = null;
                    wait = first.time() - now;
                } else {
                    due = heap.poll();
                    wait = 0;
                }
            } finally {
                lock.release();
            }
            if (due == null) {
                if (!blocking) {
                    return wait;
                }
                delayfunc.call(List.of(wait), Map.of());
            } else {
                // An action that raises has already left the heap: it propagates and is not run again.
                due.action().call(due.argument(), due.kwargs());
                delayfunc.call(List.of(0L), Map.of());
            }
        }
    }

    @Override
    public List<SchedEvent> queue() {
        List<RefSchedEvent> copy;
        lock.acquire();
        try {
            copy = new ArrayList<>(heap);
        } finally {
            lock.release();
        }
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    private double now() {
        Object t = timefunc.call(List.of(), Map.of());
        if (t instanceof Number n) {
            return n.doubleValue();
        }
        throw new TypeError("timefunc returned " + (t == null ? "None" : t.getClass().getSimpleName())
                + ", not a number");
    }
}

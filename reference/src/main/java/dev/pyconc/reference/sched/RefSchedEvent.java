package dev.pyconc.reference.sched;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.sched.SchedEvent;
import java.util.List;
import java.util.Map;

/**
 * The reference {@code sched.Event}: an immutable record of one scheduled call. Events order by time, then
 * priority (lower first), then sequence (the order they were entered in), like CPython's named tuple since
 * 3.10. Equality is identity: each {@code enterabs} makes a new event, and {@code cancel} looks for that one.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.queue">scheduler.queue</a>
 */
final class RefSchedEvent implements SchedEvent, Comparable<RefSchedEvent> {
    private final double time;
    private final long priority;
    private final long sequence;
    private final PyCallable action;
    private final List<Object> argument;
    private final Map<String, Object> kwargs;

    RefSchedEvent(double time, long priority, long sequence, PyCallable action, List<Object> argument,
            Map<String, Object> kwargs) {
        this.time = time;
        this.priority = priority;
        this.sequence = sequence;
        this.action = action;
        this.argument = argument;
        this.kwargs = kwargs;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public long priority() {
        return priority;
    }

    /** The {@code sequence} field: how many events the scheduler had made before this one. */
    long sequence() {
        return sequence;
    }

    @Override
    public PyCallable action() {
        return action;
    }

    @Override
    public List<Object> argument() {
        return argument;
    }

    @Override
    public Map<String, Object> kwargs() {
        return kwargs;
    }

    @Override
    public int compareTo(RefSchedEvent o) {
        int c = Double.compare(time, o.time);
        if (c != 0) {
            return c;
        }
        c = Long.compare(priority, o.priority);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
    }

    @Override
    public String toString() {
        return "Event(time=" + time + ", priority=" + priority + ", sequence=" + sequence + ", action=" + action
                + ", argument=" + argument + ", kwargs=" + kwargs + ")";
    }
}

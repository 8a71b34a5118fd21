package dev.pyconc.spi.sched;

import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * An event of a {@link Scheduler}: the named tuple {@code sched.Event} with fields time, priority, sequence
 * (3.10; the order of scheduling), action, argument and kwargs. Two handles of the same queued event are
 * {@code equals}.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.queue">scheduler.queue</a>
 */
public interface SchedEvent {
    /** The {@code time} field. */
    double time();

    /** The {@code priority} field. */
    long priority();

    /** The {@code action} field. */
    PyCallable action();

    /** The {@code argument} field, plain values. */
    List<Object> argument();

    /** The {@code kwargs} field, plain values. */
    Map<String, Object> kwargs();
}

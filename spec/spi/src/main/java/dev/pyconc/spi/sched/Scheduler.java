package dev.pyconc.spi.sched;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyCallable;
import java.util.List;
import java.util.Map;

/**
 * {@code sched.scheduler}: a queue of events ordered by time, then priority (lower first), then the order
 * they were scheduled in; safe to use from several threads (3.3+).
 *
 * @see <a href="https://docs.python.org/3/library/sched.html#scheduler-objects">Scheduler objects</a>
 */
public interface Scheduler {
    /**
     * {@code enterabs(time, priority, action)}: {@code argument=(), kwargs={}}.
     *
     * @see #enterabs(double, long, PyCallable, List, Map)
     */
    @Blocking
    default SchedEvent enterabs(double time, long priority, PyCallable action) {
        return enterabs(time, priority, action, List.of(), Map.of());
    }

    /**
     * {@code enterabs(time, priority, action, argument, kwargs)}: schedules {@code action(*argument, **kwargs)}
     * at the absolute {@code time}.
     *
     * @param time in timefunc's unit
     * @param priority lower runs first among events of the same time
     * @param action the callable
     * @param argument positional arguments, plain values
     * @param kwargs keyword arguments, plain values
     * @return the event, for {@link #cancel}
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.enterabs">scheduler.enterabs</a>
     */
    @Blocking
    SchedEvent enterabs(double time, long priority, PyCallable action, List<Object> argument,
            Map<String, Object> kwargs);

    /**
     * {@code enter(delay, priority, action)}: {@code argument=(), kwargs={}}.
     *
     * @see #enter(double, long, PyCallable, List, Map)
     */
    @Blocking
    default SchedEvent enter(double delay, long priority, PyCallable action) {
        return enter(delay, priority, action, List.of(), Map.of());
    }

    /**
     * {@code enter(delay, priority, action, argument, kwargs)}: like {@link #enterabs} at
     * {@code timefunc() + delay}.
     *
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.enter">scheduler.enter</a>
     */
    @Blocking
    SchedEvent enter(double delay, long priority, PyCallable action, List<Object> argument,
            Map<String, Object> kwargs);

    /**
     * {@code cancel(event)}: removes the event from the queue.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if the event is not in the queue
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.cancel">scheduler.cancel</a>
     */
    @Blocking
    void cancel(SchedEvent event);

    /**
     * {@code empty()}.
     *
     * @return True if no event is queued
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.empty">scheduler.empty</a>
     */
    @Blocking
    boolean empty();

    /**
     * {@code run()}: {@code blocking=True}: runs every event, waiting for each with delayfunc, until the
     * queue is empty.
     *
     * @throws dev.pyconc.spi.exceptions.BaseException what an action or delayfunc raised; the queue stays
     *     consistent and an action that raised is not run again
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.run">scheduler.run</a>
     */
    @Blocking
    default void run() {
        run(true);
    }

    /**
     * {@code run(blocking)}.
     *
     * @param blocking False: run only the events already due, without waiting
     * @return with {@code blocking} False, how long until the next event still queued: its time minus
     *     {@code timefunc()} (what CPython returns, though the docs call it a deadline), or null if none is
     *     left; with True, null
     * @throws dev.pyconc.spi.exceptions.BaseException what an action or delayfunc raised
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.run">scheduler.run</a>
     */
    @Blocking
    Double run(boolean blocking);

    /**
     * The {@code queue} attribute: the queued events in the order they will run.
     *
     * @see <a href="https://docs.python.org/3/library/sched.html#sched.scheduler.queue">scheduler.queue</a>
     */
    @Blocking
    List<SchedEvent> queue();
}

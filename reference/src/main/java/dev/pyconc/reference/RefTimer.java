package dev.pyconc.reference;

import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.threading.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code threading.Timer} as CPython writes it: a thread whose {@code run()} waits on an internal
 * {@link RefEvent} for the interval and calls the function unless {@code cancel()} set the event first.
 */
final class RefTimer extends RefThread implements Timer {
    private final double interval;
    private final PyCallable function;
    private final List<Object> args;
    private final Map<String, Object> kwargs;
    private final RefEvent finished;

    RefTimer(RefThreading module, String name, boolean daemon, double interval, PyCallable function,
            List<Object> args, Map<String, Object> kwargs, RefContext ctx) {
        super(module, null, name, List.of(), Map.of(), daemon);
        this.interval = interval;
        this.function = function;
        this.args = args == null ? List.of() : new ArrayList<>(args);
        this.kwargs = kwargs == null ? Map.of() : new LinkedHashMap<>(kwargs);
        this.finished = new RefEvent(ctx);
    }

    @Override
    public void cancel() {
        finished.set();
    }

    @Override
    public void run() {
        finished.await(interval);
        if (!finished.isSet()) {
            function.call(args, kwargs);
        }
        finished.set();
    }
}

package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.sched.SchedEvent;
import dev.pyconc.spi.sched.SchedModule;
import dev.pyconc.spi.sched.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken adapter {@code broken-sched-priority-blind}: the reference, except that {@code sched.scheduler}
 * ignores priorities when it orders events: by time, then by the order they were entered.
 *
 * <p><b>Why it matters.</b> A scheduler keyed on time alone (a plain timer wheel or a heap of
 * {@code (time, counter)} pairs) is the natural first version, and every test that schedules events at
 * distinct times, or enters same-time events already in priority order, passes: the events still carry their
 * priority, cancel and empty work, waiting and delayfunc are right. Only events that share a time and were
 * entered out of priority order show it. The self-check expects the cases that check same-time priority
 * order (in run() and in the queue attribute) to be reported FAIL, and nothing else.
 */
public class PriorityBlindSchedulerAdapterProvider implements AdapterProvider {
    @Override
    public String name() {
        return "broken-sched-priority-blind";
    }

    @Override
    public String description() {
        return "self-check: the reference with a sched.scheduler that orders by time and entry order only";
    }

    @Override
    public Adapter create(AdapterConfig config) {
        return new BrokenAdapter(name(), "sched.scheduler ignores priority", config) {
            @Override
            public Object module(PyModule m) {
                return m == PyModule.SCHED ? broken() : super.module(m);
            }

            /** The broken SchedModule. */
            private SchedModule broken() {
                SchedModule ref = reference.module(SchedModule.class);
                return new SchedModule() {
                    @Override
                    public Scheduler scheduler() {
                        return new PriorityBlind(ref.scheduler());
                    }

                    @Override
                    public Scheduler scheduler(PyCallable timefunc, PyCallable delayfunc) {
                        return new PriorityBlind(ref.scheduler(timefunc, delayfunc));
                    }
                };
            }
        };
    }

    /** Enters every event with priority 0 into the reference scheduler, and shows the real one outside. */
    private static final class PriorityBlind implements Scheduler {
        private final Scheduler inner;
        private final Map<SchedEvent, Shown> shown = new ConcurrentHashMap<>();

        PriorityBlind(Scheduler inner) {
            this.inner = inner;
        }

        private record Shown(SchedEvent inner, long priority) implements SchedEvent {
            @Override
            public double time() {
                return inner.time();
            }

            @Override
            public PyCallable action() {
                return inner.action();
            }

            @Override
            public List<Object> argument() {
                return inner.argument();
            }

            @Override
            public Map<String, Object> kwargs() {
                return inner.kwargs();
            }

            @Override
            public boolean equals(Object o) {
                return this == o;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(this);
            }
        }

        private SchedEvent show(SchedEvent e, long priority) {
            Shown s = new Shown(e, priority);
            shown.put(e, s);
            return s;
        }

        @Override
        public SchedEvent enterabs(double time, long priority, PyCallable action, List<Object> argument,
                Map<String, Object> kwargs) {
            return show(inner.enterabs(time, 0, action, argument, kwargs), priority);
        }

        @Override
        public SchedEvent enter(double delay, long priority, PyCallable action, List<Object> argument,
                Map<String, Object> kwargs) {
            return show(inner.enter(delay, 0, action, argument, kwargs), priority);
        }

        @Override
        public void cancel(SchedEvent event) {
            if (!(event instanceof Shown s)) {
                throw new ValueError("list.remove(x): x not in list");
            }
            inner.cancel(s.inner());
        }

        @Override
        public boolean empty() {
            return inner.empty();
        }

        @Override
        public Double run(boolean blocking) {
            return inner.run(blocking);
        }

        @Override
        public List<SchedEvent> queue() {
            List<SchedEvent> out = new ArrayList<>();
            for (SchedEvent e : inner.queue()) {
                out.add(shown.get(e));
            }
            return out;
        }
    }
}

package dev.pyconc.stress.lincheck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Hand-picked Lincheck scenarios, run (and model-checked) before the random ones: the classic race of each
 * primitive, so that a bug in it is found on every run instead of only when the random generator happens to
 * put the right operations side by side. Written as text: {@code "init: put(1) | t0: get | t1: get | post: qsize"}
 * (operations separated by spaces; arguments are longs, or thread numbers for the RLock operations).
 */
public final class Scenarios {
    private Scenarios() {}

    /** The classic races of {@code testClass} (the class of {@code @Operation}s), by kind of primitive. */
    public static List<ExecutionScenario> of(Class<?> testClass) {
        List<String> specs;
        if (LockLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("t0: acquire | t1: acquire | post: locked release release");
        } else if (RLockLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("t0: acquire(0) acquire(0) release(0) | t1: release(1) acquire(1) locked");
        } else if (SemaphoreLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("t0: acquire | t1: acquire | post: acquire");
        } else if (BoundedSemaphoreLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("init: acquire | t0: release | t1: release | post: acquire acquire acquire");
        } else if (EventLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("t0: set isSet | t1: set waitZero | post: isSet");
        } else if (QueueOps.class.isAssignableFrom(testClass)) {
            specs = List.of("init: putNowait(1) | t0: putNowait(2) | t1: putNowait(3) | post: qsize full",
                    "init: putNowait(1) putNowait(2) | t0: getNowait | t1: getNowait | post: qsize getNowait");
        } else if (SimpleQueueLincheck.class.isAssignableFrom(testClass)) {
            specs = List.of("t0: putNowait(1) putNowait(2) | t1: putNowait(3) getNowait | post: qsize empty");
        } else {
            specs = List.of();
        }
        List<ExecutionScenario> out = new ArrayList<>();
        for (String s : specs) {
            out.add(parse(testClass, s));
        }
        return out;
    }

    /** Parses {@code spec} into a scenario of {@code testClass}'s operations. */
    static ExecutionScenario parse(Class<?> testClass, String spec) {
        List<Actor> init = new ArrayList<>();
        List<List<Actor>> parallel = new ArrayList<>();
        List<Actor> post = new ArrayList<>();
        for (String part : spec.split("\\|")) {
            String[] kv = part.strip().split(":", 2);
            List<Actor> actors = new ArrayList<>();
            for (String op : kv[1].strip().split("\\s+")) {
                actors.add(actor(testClass, op));
            }
            switch (kv[0].strip()) {
                case "init" -> init.addAll(actors);
                case "post" -> post.addAll(actors);
                default -> parallel.add(actors);
            }
        }
        return new ExecutionScenario(init, parallel, post, null);
    }

    private static Actor actor(Class<?> testClass, String op) {
        String name = op.contains("(") ? op.substring(0, op.indexOf('(')) : op;
        List<Object> args = new ArrayList<>();
        if (op.contains("(")) {
            String inner = op.substring(op.indexOf('(') + 1, op.length() - 1);
            Arrays.stream(inner.split(",")).map(String::strip).filter(a -> !a.isEmpty()).forEach(a -> args.add(a));
        }
        for (Method m : testClass.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.size()) {
                List<Object> typed = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    Class<?> t = m.getParameterTypes()[i];
                    String a = (String) args.get(i);
                    typed.add(t == int.class ? (Object) Integer.parseInt(a) : (Object) Long.parseLong(a));
                }
                return new Actor(m, typed);
            }
        }
        throw new IllegalArgumentException("no operation " + op + " in " + testClass.getName());
    }
}

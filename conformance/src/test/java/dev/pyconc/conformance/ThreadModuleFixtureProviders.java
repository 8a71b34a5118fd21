package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.Feature;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.support.DelegatingThreadModule;
import dev.pyconc.spi.support.DelegatingThreadingModule;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Adapters for the self-check of {@code _thread.interrupt_main}, {@code start_new_thread}'s tuple and the
 * stack size on a platform that cannot change it ({@link SelfCheckThreadTest}). Each is the reference with one
 * change to its {@code _thread} (and, for the stack size, {@code threading}) module:
 *
 * <ul>
 *   <li>{@code broken-interrupt-main-ignored}: {@code interrupt_main} does nothing, for every signal. A slip
 *       of an implementation that has no signal machinery and stubs the function.
 *   <li>{@code broken-interrupt-main-any-signal}: {@code interrupt_main(signum)} runs SIGINT's handler whatever
 *       the signal, as if every signal had Python's SIGINT handler (ignoring that SIGTERM is {@code SIG_DFL}).
 *   <li>{@code broken-start-new-thread-any-sequence}: {@code start_new_thread} takes a list (or a string) as
 *       well as a tuple for the arguments, as a lenient implementation converting "any sequence" would.
 *   <li>{@code broken-no-stack-size-silent}: without {@link Feature#STACK_SIZE} (the platform cannot change
 *       stack sizes), yet {@code stack_size(size)} accepts any valid size silently instead of raising
 *       RuntimeError.
 *   <li>{@code fixture-no-stack-size}: without {@link Feature#STACK_SIZE}, and correct: {@code stack_size(0)}
 *       works, any other size raises RuntimeError. It shows the cases for such platforms pass where they
 *       should.
 * </ul>
 */
final class ThreadModuleFixtureProviders {
    private ThreadModuleFixtureProviders() {}

    /** The reference with its {@code _thread} (and {@code threading}) replaced, and features trimmed. */
    private static Adapter adapter(String name, String bug, AdapterConfig config, UnaryOperator<ThreadModule> thread,
            UnaryOperator<ThreadingModule> threading, Set<Feature> without) {
        return new BrokenAdapter(name, bug, config) {
            @Override
            public Object module(PyModule m) {
                return switch (m) {
                    case THREAD -> thread.apply(reference.module(ThreadModule.class));
                    case THREADING -> threading.apply(reference.module(ThreadingModule.class));
                    default -> super.module(m);
                };
            }

            @Override
            public Set<Feature> features() {
                EnumSet<Feature> f = EnumSet.noneOf(Feature.class);
                f.addAll(super.features());
                f.removeAll(without);
                return f;
            }
        };
    }

    /** See the class documentation. */
    public static final class InterruptIgnored implements AdapterProvider {
        @Override
        public String name() {
            return "broken-interrupt-main-ignored";
        }

        @Override
        public String description() {
            return "self-check: the reference whose _thread.interrupt_main does nothing";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "interrupt_main does nothing", config, t -> new DelegatingThreadModule(t) {
                @Override
                public void interruptMain() {}

                @Override
                public void interruptMain(long signum) {}
            }, UnaryOperator.identity(), Set.of());
        }
    }

    /** See the class documentation. */
    public static final class InterruptAnySignal implements AdapterProvider {
        @Override
        public String name() {
            return "broken-interrupt-main-any-signal";
        }

        @Override
        public String description() {
            return "self-check: the reference whose _thread.interrupt_main(signum) simulates SIGINT for any signal";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "interrupt_main(signum) simulates SIGINT whatever the signal", config,
                    t -> new DelegatingThreadModule(t) {
                        @Override
                        public void interruptMain(long signum) {
                            delegate.interruptMain();
                        }
                    }, UnaryOperator.identity(), Set.of());
        }
    }

    /** See the class documentation. */
    public static final class StartNewThreadAnySequence implements AdapterProvider {
        @Override
        public String name() {
            return "broken-start-new-thread-any-sequence";
        }

        @Override
        public String description() {
            return "self-check: the reference whose _thread.start_new_thread takes any sequence as the arguments";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "start_new_thread takes a list or a string as the arguments", config,
                    t -> new DelegatingThreadModule(t) {
                        @Override
                        public long startNewThread(dev.pyconc.spi.PyCallable function, Object args,
                                Map<String, Object> kwargs) {
                            Object tuple = args instanceof List<?> l ? PyTuple.copyOf(l)
                                    : args instanceof String s ? PyTuple.copyOf(s.chars().mapToObj(c -> String.valueOf((char) c)).toList())
                                    : args;
                            return delegate.startNewThread(function, tuple, kwargs);
                        }
                    }, UnaryOperator.identity(), Set.of());
        }
    }

    /** A {@code stack_size(size)} for a platform without STACK_SIZE: 0 is fine, other sizes fail or not. */
    private static long stackSizeWithoutSupport(long size, boolean raise, java.util.function.LongUnaryOperator real) {
        if (size == 0 || !raise) {
            return real.applyAsLong(size);
        }
        throw new RuntimeError("setting stack size not supported");
    }

    private static Adapter noStackSize(String name, String what, AdapterConfig config, boolean raise) {
        return adapter(name, what, config, t -> new DelegatingThreadModule(t) {
            @Override
            public long stackSize(long size) {
                return stackSizeWithoutSupport(size, raise, delegate::stackSize);
            }
        }, th -> new DelegatingThreadingModule(th) {
            @Override
            public long stackSize(long size) {
                return stackSizeWithoutSupport(size, raise, delegate::stackSize);
            }
        }, Set.of(Feature.STACK_SIZE));
    }

    /** See the class documentation. */
    public static final class NoStackSizeSilent implements AdapterProvider {
        @Override
        public String name() {
            return "broken-no-stack-size-silent";
        }

        @Override
        public String description() {
            return "self-check: the reference without STACK_SIZE whose stack_size(size) accepts sizes silently";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return noStackSize(name(), "no STACK_SIZE, yet stack_size(size) does not raise RuntimeError", config, false);
        }
    }

    /** See the class documentation. */
    public static final class NoStackSize implements AdapterProvider {
        @Override
        public String name() {
            return "fixture-no-stack-size";
        }

        @Override
        public String description() {
            return "self-check: the reference as on a platform that cannot change stack sizes (correct)";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return noStackSize(name(), "none: a platform without STACK_SIZE, done right", config, true);
        }
    }
}

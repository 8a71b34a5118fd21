package dev.pyconc.conformance;

import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import dev.pyconc.spi.support.DelegatingPopen;
import dev.pyconc.spi.support.DelegatingSubprocessModule;
import java.util.function.UnaryOperator;

/**
 * Broken adapters for the self-check of {@code subprocess} ({@link SelfCheckSubprocessTest}). Each is the
 * reference with one plausible bug in its {@code subprocess} module:
 *
 * <ul>
 *   <li>{@code broken-subprocess-signal-as-exit-status}: a child ended by signal N gets returncode 128+N, as a
 *       shell reports it (and as {@code java.lang.Process} does), instead of Python's -N. Everything about
 *       normal exits still works, so only cases that kill a child, or check a signal's returncode, see it.
 *   <li>{@code broken-subprocess-merged-stderr-lost}: {@code stderr=STDOUT} sends the child's stderr to
 *       {@code /dev/null} instead of into its stdout, the slip of an implementation that wires up stdout's pipe
 *       and forgets that stderr should share it. Output of programs that write only to stdout is right.
 *   <li>{@code broken-subprocess-timeout-kills}: {@code Popen.wait(timeout)} and
 *       {@code communicate(timeout=...)} kill the child before raising TimeoutExpired, as {@code run} does;
 *       but on a Popen the docs promise the child keeps running and communicate can be called again.
 * </ul>
 */
final class SubprocessFixtureProviders {
    private SubprocessFixtureProviders() {}

    /** The reference with its {@code subprocess} module wrapped. */
    private static Adapter adapter(String name, String bug, AdapterConfig config, UnaryOperator<SubprocessModule> wrap) {
        return new BrokenAdapter(name, bug, config) {
            @Override
            public Object module(PyModule m) {
                return m == PyModule.SUBPROCESS ? wrap.apply(reference.module(SubprocessModule.class)) : super.module(m);
            }
        };
    }

    /** {@code broken-subprocess-signal-as-exit-status}. */
    public static final class SignalAsExitStatus implements AdapterProvider {
        @Override
        public String name() {
            return "broken-subprocess-signal-as-exit-status";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that death by signal N gives returncode 128+N, not -N";
        }

        private static long shell(long rc) {
            return rc < 0 ? 128 - rc : rc;
        }

        private static Long shell(Long rc) {
            return rc == null ? null : shell(rc.longValue());
        }

        private static RuntimeException shell(CalledProcessError e) {
            return e.returncode() != null && e.returncode() < 0
                    ? new CalledProcessError(shell(e.returncode().longValue()), e.cmd(), e.output(), e.stderr()) : e;
        }

        private static CompletedProcess shell(CompletedProcess c, SubprocessModule m) {
            return m.completedProcess(c.args(), shell(c.returncode()), c.stdout(), c.stderr());
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "returncode 128+N for death by signal N", config, ref -> new DelegatingSubprocessModule(ref) {
                @Override
                public Popen popen(Object args, PopenOptions options) {
                    return new DelegatingPopen(delegate.popen(args, options)) {
                        @Override public Long returncode() { return shell(delegate.returncode()); }
                        @Override public Long poll() { return shell(delegate.poll()); }
                        @Override public long await() { return shell(delegate.await()); }
                        @Override public long await(Double timeout) { return shell(delegate.await(timeout)); }
                    };
                }

                @Override
                public CompletedProcess run(Object args, PopenOptions options) {
                    try {
                        return shell(delegate.run(args, options), delegate);
                    } catch (CalledProcessError e) {
                        throw shell(e);
                    }
                }

                @Override
                public long call(Object args, PopenOptions options) {
                    return shell(delegate.call(args, options));
                }

                @Override
                public long checkCall(Object args, PopenOptions options) {
                    try {
                        return delegate.checkCall(args, options);
                    } catch (CalledProcessError e) {
                        throw shell(e);
                    }
                }

                @Override
                public Object checkOutput(Object args, PopenOptions options) {
                    try {
                        return delegate.checkOutput(args, options);
                    } catch (CalledProcessError e) {
                        throw shell(e);
                    }
                }
            });
        }
    }

    /** {@code broken-subprocess-merged-stderr-lost}. */
    public static final class MergedStderrLost implements AdapterProvider {
        @Override
        public String name() {
            return "broken-subprocess-merged-stderr-lost";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that stderr=STDOUT discards the child's stderr";
        }

        private static PopenOptions lose(PopenOptions o) {
            return o.get("stderr") == Redirect.STDOUT ? o.stderr(Redirect.DEVNULL) : o;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "stderr=STDOUT loses stderr", config, ref -> new DelegatingSubprocessModule(ref) {
                @Override public Popen popen(Object a, PopenOptions o) { return delegate.popen(a, lose(o)); }
                @Override public CompletedProcess run(Object a, PopenOptions o) { return delegate.run(a, lose(o)); }
                @Override public long call(Object a, PopenOptions o) { return delegate.call(a, lose(o)); }
                @Override public long checkCall(Object a, PopenOptions o) { return delegate.checkCall(a, lose(o)); }
                @Override public Object checkOutput(Object a, PopenOptions o) { return delegate.checkOutput(a, lose(o)); }
            });
        }
    }

    /** {@code broken-subprocess-timeout-kills}. */
    public static final class TimeoutKills implements AdapterProvider {
        @Override
        public String name() {
            return "broken-subprocess-timeout-kills";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that Popen.wait and communicate kill the child on timeout";
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "a Popen's timeout kills the child", config, ref -> new DelegatingSubprocessModule(ref) {
                @Override
                public Popen popen(Object args, PopenOptions options) {
                    return new DelegatingPopen(delegate.popen(args, options)) {
                        @Override
                        public long await(Double timeout) {
                            try {
                                return delegate.await(timeout);
                            } catch (TimeoutExpired e) {
                                delegate.kill();
                                delegate.await();
                                throw e;
                            }
                        }

                        @Override
                        public PyTuple communicate(Object input, Double timeout) {
                            try {
                                return delegate.communicate(input, timeout);
                            } catch (TimeoutExpired e) {
                                delegate.kill();
                                delegate.await();
                                throw e;
                            }
                        }
                    };
                }
            });
        }
    }
}

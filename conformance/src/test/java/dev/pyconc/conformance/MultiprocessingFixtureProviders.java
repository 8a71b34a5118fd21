package dev.pyconc.conformance;

import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.reference.multiprocessing.connection.Authentication;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterConfig;
import dev.pyconc.spi.AdapterProvider;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Listener;
import dev.pyconc.spi.multiprocessing.MultiprocessingModule;
import dev.pyconc.spi.support.DelegatingMultiprocessingModule;
import dev.pyconc.spi.threading.Condition;
import dev.pyconc.spi.threading.Lock;
import dev.pyconc.spi.threading.LockLike;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Broken adapters for the self-check of {@code multiprocessing} ({@link SelfCheckMultiprocessingTest}). Each is
 * the reference with one plausible bug in its {@code multiprocessing} module (the module's own factories only;
 * contexts from {@code get_context()} are the reference's, unchanged):
 *
 * <ul>
 *   <li>{@code broken-multiprocessing-per-process-lock}: {@code multiprocessing.Lock()} behaves as a Lock among the
 *       threads of the process that made it, but a child process given it gets a lock of its own, the slip of an
 *       implementation that pickles a Lock as "make a new Lock" instead of "open this semaphore". So it excludes
 *       the threads of one process only.
 *   <li>{@code broken-multiprocessing-listener-skips-authkey}: {@code Listener(authkey=...).accept()} sends its
 *       challenge and reads the answer but welcomes the client whatever the answer, then answers the client's
 *       challenge honestly; a client with the right key connects as before.
 * </ul>
 */
final class MultiprocessingFixtureProviders {
    private MultiprocessingFixtureProviders() {}

    /** The reference with its {@code multiprocessing} module wrapped; {@code sameClass} answers {@link BrokenAdapter#sameClassAs}. */
    private static Adapter adapter(String name, String bug, AdapterConfig config,
            Function<MultiprocessingModule, MultiprocessingModule> wrap, Function<Object, Object> sameClass) {
        return new BrokenAdapter(name, bug, config) {
            private final MultiprocessingModule broken = wrap.apply(reference.module(MultiprocessingModule.class));

            @Override
            public Object module(PyModule m) {
                return m == PyModule.MULTIPROCESSING ? broken : super.module(m);
            }

            @Override
            protected Object sameClassAs(Object obj) {
                return sameClass.apply(obj);
            }
        };
    }

    /** {@code broken-multiprocessing-per-process-lock}. */
    public static final class PerProcessLock implements AdapterProvider {
        @Override
        public String name() {
            return "broken-multiprocessing-per-process-lock";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that a child process given a multiprocessing.Lock gets a new lock of its own";
        }

        /**
         * A reference Lock for the threads of this process; to each child it reduces as a new, unrelated reference
         * Lock (kept here so that its semaphore's name stays linked while the child may open it): every process
         * has a lock of its own.
         */
        static final class BrokenLock implements Lock, Reducible {
            final dev.pyconc.reference.multiprocessing.sync.Lock real = new dev.pyconc.reference.multiprocessing.sync.Lock();
            private final java.util.List<dev.pyconc.reference.multiprocessing.sync.Lock> decoys =
                    new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override public boolean acquire() { return real.acquire(); }
            @Override public boolean acquire(boolean block) { return real.acquire(block); }
            @Override public boolean acquire(boolean block, double timeout) { return real.acquire(block, timeout); }
            @Override public void release() { real.release(); }
            @Override public boolean locked() { return real.locked(); }
            @Override public Held enter() { return real.enter(); }
            @Override public Reduction reduce() {
                dev.pyconc.reference.multiprocessing.sync.Lock decoy = new dev.pyconc.reference.multiprocessing.sync.Lock();
                decoys.add(decoy);
                return decoy.reduce();
            }
            @Override public String toString() { return real.toString(); }
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "a Lock given to a child is a new lock there", config, ref -> new DelegatingMultiprocessingModule(ref) {
                @Override
                public Lock lock() {
                    delegate.getContext(null); // as the reference's lock(): fixes the default start method
                    return new BrokenLock();
                }

                /** A Condition on the broken Lock is made on its real lock (no case shares one with a child). */
                @Override
                public Condition condition(LockLike lock) {
                    return delegate.condition(lock instanceof BrokenLock b ? b.real : lock);
                }
            }, obj -> obj instanceof BrokenLock b ? b.real : obj);
        }
    }

    /** {@code broken-multiprocessing-listener-skips-authkey}. */
    public static final class ListenerSkipsAuthkey implements AdapterProvider {
        private static final SecureRandom RANDOM = new SecureRandom();
        private static final byte[] CHALLENGE = "#CHALLENGE#".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] WELCOME = "#WELCOME#".getBytes(StandardCharsets.US_ASCII);

        @Override
        public String name() {
            return "broken-multiprocessing-listener-skips-authkey";
        }

        @Override
        public String description() {
            return "self-check: the reference, except that Listener.accept() welcomes a client whatever its answer to the challenge";
        }

        /**
         * A reference Listener without an authkey, whose {@code accept()} then runs the server's half of the
         * handshake ({@code deliver_challenge}, see {@link Authentication}) without checking the answer, and the
         * client's half ({@code answer_challenge}) as it should.
         */
        static final class BrokenListener implements Listener, AutoCloseable {
            final dev.pyconc.reference.multiprocessing.connection.Listener inner;
            private final PyBytes authkey;

            BrokenListener(Object address, String family, long backlog, PyBytes authkey) {
                this.inner = new dev.pyconc.reference.multiprocessing.connection.Listener(address, family,
                        (int) Math.min(Integer.MAX_VALUE, backlog), null);
                this.authkey = authkey;
            }

            @Override
            public Connection accept() {
                dev.pyconc.reference.multiprocessing.connection.Connection c = inner.accept();
                if (authkey != null) {
                    try {
                        byte[] random = new byte[40];
                        RANDOM.nextBytes(random);
                        byte[] message = concat("{sha256}".getBytes(StandardCharsets.US_ASCII), random);
                        c.sendBytes(concat(CHALLENGE, message));
                        c.recvBytes(256); // the answer, not checked: the bug
                        c.sendBytes(WELCOME);
                        Authentication.answerChallenge(c, authkey);
                    } catch (RuntimeException e) {
                        c.close();
                        throw e;
                    }
                }
                return c;
            }

            @Override public void close() { inner.close(); }
            @Override public Object address() { return inner.address(); }
            @Override public Object lastAccepted() { return inner.lastAccepted(); }
            @Override public Held enter() { return inner.enter(); }
            @Override public String toString() { return inner.toString(); }

            private static byte[] concat(byte[] a, byte[] b) {
                byte[] out = Arrays.copyOf(a, a.length + b.length);
                System.arraycopy(b, 0, out, a.length, b.length);
                return out;
            }
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return adapter(name(), "Listener.accept() does not check the client's answer", config,
                    ref -> new DelegatingMultiprocessingModule(ref) {
                        @Override
                        public Listener listener(Object address, String family, long backlog, PyBytes authkey) {
                            return new BrokenListener(address, family, backlog, authkey);
                        }
                    }, obj -> obj instanceof BrokenListener b ? b.inner : obj);
        }
    }
}

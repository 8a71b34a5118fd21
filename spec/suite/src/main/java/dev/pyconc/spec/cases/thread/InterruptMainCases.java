package dev.pyconc.spec.cases.thread;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.AdapterFailure;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.KeyboardInterrupt;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for {@code _thread.interrupt_main}: a signal simulated for the main thread, where Python runs signal
 * handlers. The main thread runs a {@link Poller} (through {@link Adapter#runInMainThread}): short waits on an
 * Event nobody sets, each of which runs Python code there, counted, until one raises or the {@link Timing#LONG}
 * tier passes. The case calls {@code interrupt_main} from its own thread once the poller has started, and reads
 * what ended it. "Not necessarily at once", say the docs: the cases wait for the exception, or, where nothing
 * must happen, for the main thread to have run Python code several more times, never for a guessed time.
 *
 * <p>Signal numbers are POSIX's: 2 is SIGINT, which has a Python handler by default (it raises
 * KeyboardInterrupt); 15 is SIGTERM, which has none ({@code SIG_DFL}).
 */
@PyCase
class InterruptMainCases {
    static final long SIGINT = 2;
    static final long SIGTERM = 15;
    /** How long one poll waits, in seconds: short, so that the main thread runs Python code often. */
    private static final double TICK = 0.01;

    /** A loop of short Event waits on a thread; records how many it made and what ended it. */
    static final class Poller {
        final AtomicLong polls = new AtomicLong();
        final AtomicReference<BaseException> raised = new AtomicReference<>();
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<String> notMain = new AtomicReference<>();
        Thread thread;

        void loop(ThreadingModule threading) {
            Event never = threading.event();
            long deadline = System.nanoTime() + Timing.nanos(Timing.LONG);
            try {
                while (!stop.get() && System.nanoTime() < deadline) {
                    never.await(TICK);
                    polls.incrementAndGet();
                }
            } catch (BaseException e) {
                raised.set(e);
            } finally {
                done.set(true);
            }
        }

        /** Polls in the main thread, from a helper thread of the case that waits in runInMainThread. */
        static Poller inMainThread(Harness h, Adapter adapter, ThreadingModule threading) {
            Poller p = new Poller();
            p.thread = h.start("main-thread poller", () -> adapter.runInMainThread(() -> {
                Long here = threading.currentThread().ident();
                Long main = threading.mainThread().ident();
                if (!Objects.equals(here, main)) {
                    p.notMain.set("runInMainThread ran the body on thread " + here + ", not main_thread() " + main);
                    p.done.set(true);
                    return null;
                }
                p.loop(threading);
                return null;
            }));
            h.poll("the main thread to start polling", () -> p.polls.get() > 0 || p.done.get());
            p.checkMain();
            return p;
        }

        /** Polls in a thread of the implementation's own, started through threading. */
        static Poller inOtherThread(Harness h, ThreadingModule threading) {
            Poller p = new Poller();
            p.thread = h.start("other-thread poller", () -> p.loop(threading));
            h.poll("the other thread to start polling", () -> p.polls.get() > 0 || p.done.get());
            return p;
        }

        /** An adapter whose runInMainThread does not reach the main thread fails itself, not the behaviour. */
        void checkMain() {
            if (notMain.get() != null) {
                throw new AdapterFailure(notMain.get());
            }
        }

        /** Waits until this thread has run Python code {@code n} more times (or ended). */
        void awaitMorePolls(Harness h, int n) {
            long target = polls.get() + n;
            h.poll(n + " more polls", () -> polls.get() >= target || done.get());
        }
    }

    /** interrupt_main() raises KeyboardInterrupt in the main thread, as SIGINT's default handler does. */
    @Test
    @Checks("_thread.interrupt_main/simulates-sigint-in-main-thread")
    void interruptMainRaisesKeyboardInterruptInMainThread(Adapter adapter, ThreadingModule threading,
            ThreadModule thread, Harness h) {
        Poller main = Poller.inMainThread(h, adapter, threading);
        thread.interruptMain();
        h.join(main.thread);
        assertInstanceOf(KeyboardInterrupt.class, main.raised.get(),
                "what ended the main thread's loop after interrupt_main() (null: it ran to its deadline)");
    }

    /** interrupt_main(SIGINT), the signal given by number, also runs SIGINT's handler in the main thread. */
    @Test
    @Checks("_thread.interrupt_main/signum-argument")
    void interruptMainWithSigintNumber(Adapter adapter, ThreadingModule threading, ThreadModule thread, Harness h) {
        Poller main = Poller.inMainThread(h, adapter, threading);
        thread.interruptMain(SIGINT);
        h.join(main.thread);
        assertInstanceOf(KeyboardInterrupt.class, main.raised.get(),
                "what ended the main thread's loop after interrupt_main(2) (null: it ran to its deadline)");
    }

    /**
     * interrupt_main(SIGTERM), a signal Python does not handle, does nothing: the main thread runs Python code
     * several more times without an exception, and the interpreter is still there (a real SIGTERM would have
     * ended it). Then interrupt_main(SIGINT) ends the loop, which shows the loop would have noticed a handler.
     */
    @Test
    @Checks({"_thread.interrupt_main/unhandled-signal-does-nothing", "_thread.interrupt_main/signum-argument"})
    void interruptMainWithUnhandledSignalDoesNothing(Adapter adapter, ThreadingModule threading,
            ThreadModule thread, Harness h) {
        Poller main = Poller.inMainThread(h, adapter, threading);
        thread.interruptMain(SIGTERM);
        main.awaitMorePolls(h, 3);
        assertNull(main.raised.get(), "interrupt_main(SIGTERM) raised in the main thread");
        assertFalse(main.done.get(), "the main thread's loop ended after interrupt_main(SIGTERM)");
        thread.interruptMain(SIGINT);
        h.join(main.thread);
        assertInstanceOf(KeyboardInterrupt.class, main.raised.get(),
                "the loop, still running, should have ended with interrupt_main(2)'s KeyboardInterrupt");
    }

    /**
     * An interrupt goes to the main thread only: with the main thread and another thread both running Python
     * code, interrupt_main() from a third thread (the case's) raises KeyboardInterrupt in the main thread, and
     * the other thread, which goes on polling well after that, gets nothing.
     */
    @Test
    @Checks("_thread/interrupts-go-to-main-thread")
    void interruptReachesOnlyTheMainThread(Adapter adapter, ThreadingModule threading, ThreadModule thread,
            Harness h) {
        Poller other = Poller.inOtherThread(h, threading);
        Poller main = Poller.inMainThread(h, adapter, threading);
        try {
            thread.interruptMain();
            h.join(main.thread);
            other.awaitMorePolls(h, 3);
        } finally {
            other.stop.set(true);
        }
        h.join(other.thread);
        assertInstanceOf(KeyboardInterrupt.class, main.raised.get(), "what ended the main thread's loop");
        assertNull(other.raised.get(), "the thread that is not the main thread got the interrupt");
    }
}

package dev.pyconc.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-check for {@code _thread}: its cases, run through the runner on
 * {@link TimeoutIgnoringThreadLockAdapterProvider broken-thread-lock-timeout}, must report exactly the
 * {@code _thread.lock} behaviours that need a timed acquire to wait. Both bindings of the lock contract
 * (allocate_lock() and LockType()) run, so each id is reported by two cases; threading.Lock is out of scope
 * and untouched. The adapters of {@link ThreadModuleFixtureProviders} break interrupt_main, start_new_thread's
 * tuple and stack_size without STACK_SIZE, one at a time.
 */
@org.junit.jupiter.api.extension.ExtendWith(SelfCheckTiming.class)
class SelfCheckThreadTest {
    static final List<String> THREAD_SCOPE = List.of("_thread.*");

    @Test
    void timedAcquireThatDoesNotWaitIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-thread-lock-timeout", THREAD_SCOPE), Map.of(
                // The holder's (or another thread's) timed acquire should wait about the timeout: it returns at once.
                "_thread.lock.acquire/timeout-expires-returns-false", Status.FAIL,
                "_thread.lock.acquire/not-reentrant", Status.FAIL,
                // A timed acquire should wait for the release: it gives up at once and returns False.
                "_thread.lock.acquire/timeout-acquires-when-released", Status.FAIL),
                Set.of());
    }

    /** The interrupt cases, and one case the interrupt bugs leave alone (a scope must keep a passing case). */
    static final List<String> INTERRUPT_SCOPE = List.of("_thread.interrupt_main/*", "_thread/interrupts-go-to-main-thread",
            "_thread.start_new_thread/kwargs-optional");

    /** An interrupt_main that does nothing fails every interrupt case (each waits out its poller's deadline). */
    @Test
    void ignoredInterruptIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-interrupt-main-ignored", INTERRUPT_SCOPE), Map.of(
                "_thread.interrupt_main/simulates-sigint-in-main-thread", Status.FAIL,
                "_thread.interrupt_main/signum-argument", Status.FAIL,
                "_thread.interrupt_main/unhandled-signal-does-nothing", Status.FAIL,
                "_thread/interrupts-go-to-main-thread", Status.FAIL),
                Set.of());
    }

    /** An interrupt_main(signum) that treats every signal as SIGINT fails only the unhandled-signal case. */
    @Test
    void interruptForAnySignalIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-interrupt-main-any-signal", INTERRUPT_SCOPE), Map.of(
                "_thread.interrupt_main/unhandled-signal-does-nothing", Status.FAIL),
                Set.of("_thread.interrupt_main/signum-argument")); // the unhandled-signal case checks both ids
    }

    /** A start_new_thread that takes a list or a string for the arguments fails the tuple case. */
    @Test
    void argumentsThatAreNoTupleAreCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-start-new-thread-any-sequence",
                List.of("_thread.start_new_thread/*")), Map.of(
                "_thread.start_new_thread/args-must-be-tuple", Status.FAIL),
                Set.of());
    }

    static final List<String> STACK_SIZE_SCOPE = List.of("_thread.stack_size/*", "threading.stack_size/*");

    /**
     * Without STACK_SIZE, a stack_size(size) that does not raise fails the two cases for such platforms, whose
     * other stack_size cases are NOT_APPLICABLE; done right ({@code fixture-no-stack-size}), everything passes.
     */
    @Test
    void silentStackSizeWithoutSupportIsCaught() throws Exception {
        SelfCheckTest.assertCaught(SelfCheckTest.runScope("broken-no-stack-size-silent", STACK_SIZE_SCOPE), Map.of(
                "_thread.stack_size/unsupported-raises-runtimeerror", Status.FAIL,
                "threading.stack_size/unsupported-runtimeerror", Status.FAIL),
                Set.of());
        List<CaseResult> right = SelfCheckTest.runScope("fixture-no-stack-size", STACK_SIZE_SCOPE);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), right.stream()
                .filter(c -> c.status() != Status.PASS && c.status() != Status.NOT_APPLICABLE)
                .map(c -> c.status() + " " + c.name() + " " + c.reason()).toList());
        org.junit.jupiter.api.Assertions.assertEquals(2, right.stream()
                .filter(c -> c.status() == Status.PASS && c.name().contains("Unsupported")).count(),
                "both unsupported-size cases should run and pass: " + right.stream().map(c -> c.status() + " " + c.name()).toList());
    }
}

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
 * and untouched.
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
}

package dev.pyconc.conformance.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.threading.Lock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bridge reads "this call may block" from the SPI ({@link dev.pyconc.spi.Blocking}) through the stack:
 * a fake Lock records what {@link Proxies#declaredBlocking} answers inside each of its methods.
 */
class DeclaredBlockingTest {
    /** A Lock whose methods record whether the bridge would send them as blocking calls. */
    static final class RecordingLock implements Lock {
        final List<String> seen = new ArrayList<>();

        private boolean note(String what) {
            seen.add(what + "=" + Proxies.declaredBlocking(getClass()));
            return true;
        }

        @Override public boolean acquire() { return note("acquire()"); }
        @Override public boolean acquire(boolean blocking) { return note("acquire(b)"); }
        @Override public boolean acquire(boolean blocking, double timeout) { return note("acquire(b,t)"); }
        @Override public void release() { note("release()"); }
        @Override public boolean locked() { return note("locked()"); }

        @Override
        public Held enter() {
            note("enter()");
            return new Held() {
                @Override
                public boolean exit(BaseException exc) {
                    return note("exit()");
                }
            };
        }
    }

    @Test
    void eachCallIsBlockingExactlyWhenItsSpiMethodSaysSo() {
        RecordingLock lock = new RecordingLock();
        lock.acquire();
        lock.acquire(false);
        lock.acquire(true, 1.0);
        lock.release();
        lock.locked();
        lock.with(() -> { });
        assertEquals(List.of("acquire()=true", "acquire(b)=true", "acquire(b,t)=true", "release()=false",
                "locked()=false", "enter()=true", "exit()=true"), lock.seen);
    }

    @Test
    void aCallOutsideAnySpiMethodIsABridgeBug() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Proxies.declaredBlocking(RecordingLock.class));
        assertTrue(e.getMessage().contains("outside any SPI method"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}

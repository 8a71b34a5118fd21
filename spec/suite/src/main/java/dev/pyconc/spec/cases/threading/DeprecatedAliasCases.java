package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.Harness;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.threading.Event;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for the deprecated camelCase aliases of {@code threading} (still present in Python 3.14): each must
 * give what the snake_case call or the property gives. The Condition alias is in {@link ConditionCases}.
 */
@PyCase
class DeprecatedAliasCases {

    /** Event.isSet() follows the flag exactly as is_set() does, through set() and clear(). */
    @Test
    @Checks("threading.Event.is_set/isset-alias")
    void eventIsSetAlias(ThreadingModule threading) {
        Event e = threading.event();
        assertFalse(e.isSetAlias());
        e.set();
        assertTrue(e.isSetAlias());
        e.clear();
        assertFalse(e.isSetAlias());
    }

    /** threading.activeCount() counts one more while a thread the case started is alive, like active_count(). */
    @Test
    @Checks("threading.active_count/activecount-deprecated-alias")
    void activeCountAlias(ThreadingModule threading, Harness h) throws InterruptedException {
        Probe probe = new Probe();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            started.countDown();
            Probe.await(release, "release");
        })));
        t.start();
        try {
            Probe.await(started, "the thread to start");
            // the adapter's own threads may come and go: poll until the alias and the real call agree
            h.poll("activeCount() == active_count() == len(enumerate())", () -> {
                long alias = threading.activeCountAlias();
                long real = threading.activeCount();
                return alias == real && real == threading.enumerate().size();
            });
        } finally {
            release.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
    }

    /** threading.currentThread() gives the very Thread object current_thread() gives, in a started thread. */
    @Test
    @Checks("threading.current_thread/currentthread-deprecated-alias")
    void currentThreadAlias(ThreadingModule threading, Harness h) {
        AtomicReference<PyThread> viaAlias = new AtomicReference<>();
        AtomicReference<PyThread> viaReal = new AtomicReference<>();
        Probe probe = new Probe();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            viaAlias.set(threading.currentThreadAlias());
            viaReal.set(threading.currentThread());
        })));
        t.start();
        t.join(Timing.LONG);
        probe.check();
        assertSame(t, viaAlias.get());
        assertSame(viaReal.get(), viaAlias.get());
        assertSame(threading.currentThread(), threading.currentThreadAlias());
    }

    /** getName() reads and setName() writes the name attribute, each seen through the other way too. */
    @Test
    @Checks("threading.Thread.getName/deprecated-name-accessors")
    void nameAccessors(ThreadingModule threading) {
        PyThread t = threading.thread(ThreadOptions.none().withName("first"));
        assertEquals("first", t.getNameAlias());
        t.setNameAlias("second");
        assertEquals("second", t.getName());
        t.setName("third");
        assertEquals("third", t.getNameAlias());
    }

    /** isDaemon() reads and setDaemon() writes the daemon attribute of a thread not yet started. */
    @Test
    @Checks("threading.Thread.isDaemon/deprecated-daemon-accessors")
    void daemonAccessors(ThreadingModule threading) {
        PyThread t = threading.thread(ThreadOptions.none().withDaemon(false));
        assertFalse(t.isDaemonAlias());
        t.setDaemonAlias(true);
        assertTrue(t.isDaemon());
        assertTrue(t.isDaemonAlias());
        t.setDaemon(false);
        assertFalse(t.isDaemonAlias());
    }
}

package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.cases.threading.ThreadCases.Probe;
import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spec.harness.Timing;
import dev.pyconc.spi.threading.PyThread;
import dev.pyconc.spi.threading.ThreadOptions;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cases for the OS-level thread names that {@code Thread.start()} and renames set (Python 3.14+, where the
 * platform reports them). Names are ASCII, so that any truncation is a plain prefix.
 */
@PyCase
class OsThreadNameCases {

    /** A started thread's OS name is a non-empty prefix of its Python name (cut to the platform's limit). */
    @Test
    @Checks("threading.Thread.start/sets-os-thread-name")
    void startSetsOsName(ThreadingModule threading) {
        String name = "pyconc-os-name-" + "x".repeat(40);
        AtomicReference<String> seen = new AtomicReference<>();
        Probe probe = new Probe();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> seen.set(threading.osThreadName())))
                .withName(name));
        t.start();
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        String os = seen.get();
        assertFalse(os.isEmpty(), "the OS thread has no name");
        assertTrue(name.startsWith(os), "OS name " + os + " is not a prefix of " + name);
        assertTrue(os.startsWith("pyconc-os-name"), "OS name " + os + " is shorter than 14 bytes");
    }

    /** A thread renaming itself renames its OS thread; renaming it from another thread leaves the OS name alone. */
    @Test
    @Checks("threading.Thread.name/os-level-name")
    void renameReachesOsOnlyFromTheThreadItself(ThreadingModule threading) {
        AtomicReference<String> afterOwnRename = new AtomicReference<>();
        AtomicReference<String> afterOtherRename = new AtomicReference<>();
        CountDownLatch renamedItself = new CountDownLatch(1);
        CountDownLatch renamedByOther = new CountDownLatch(1);
        Probe probe = new Probe();
        PyThread t = threading.thread(ThreadOptions.of(probe.run(() -> {
            threading.currentThread().setName("pyconc-own");
            afterOwnRename.set(threading.osThreadName());
            renamedItself.countDown();
            Probe.await(renamedByOther, "the rename from outside");
            afterOtherRename.set(threading.osThreadName());
        })).withName("pyconc-first"));
        t.start();
        try {
            Probe.await(renamedItself, "the thread to rename itself");
            t.setName("pyconc-other");
            assertEquals("pyconc-other", t.getName());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            renamedByOther.countDown();
        }
        t.join(Timing.LONG);
        assertFalse(t.isAlive());
        probe.check();
        assertEquals("pyconc-own", afterOwnRename.get(), "OS name after the thread renamed itself");
        assertEquals("pyconc-own", afterOtherRename.get(), "OS name after another thread renamed it");
    }
}

package dev.pyconc.reference.multiprocessing.process;

import dev.pyconc.reference.multiprocessing.RefMultiprocessingModule;
import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.ProcessOptions;
import dev.pyconc.spi.multiprocessing.PyProcess;
import dev.pyconc.spi.multiprocessing.Routine;
import java.util.List;

/**
 * A main process for {@code ProcessTest.daemonicChildrenAreTerminatedAtExit}: starts a daemonic child that
 * blocks for ever (ACQUIRE of a lock that is never free, so only a signal ends it) and a non-daemonic one that
 * ends at once, prints the daemonic child's pid, and returns; the JVM's exit must terminate the daemonic child.
 */
public final class DaemonExitMain {
    private DaemonExitMain() {}

    public static void main(String[] args) {
        RefMultiprocessingModule mp = new RefMultiprocessingModule();
        List<Connection> p = mp.pipe(false);
        PyProcess d = mp.process(ProcessOptions.of(mp.routine(Routine.ACQUIRE), new NeverFree(), null, p.get(1))
                .withDaemon(true));
        d.start();
        PyProcess n = mp.process(ProcessOptions.of(mp.routine(Routine.NOOP)));
        n.start();
        n.join(30.0);
        System.out.println(d.pid());
        System.out.flush();
    }

    /** A lock whose acquire never returns; handed to a child by class name. */
    public static final class NeverFree implements dev.pyconc.spi.threading.Lock,
            dev.pyconc.reference.multiprocessing.Reducible {
        static {
            dev.pyconc.reference.multiprocessing.Rebuilders.register(NeverFree.class.getName(), s -> new NeverFree());
        }

        @Override
        public dev.pyconc.reference.multiprocessing.Reduction reduce() {
            return new dev.pyconc.reference.multiprocessing.Reduction(NeverFree.class.getName(), List.of(), List.of());
        }

        @Override
        public boolean acquire() {
            return acquire(true, -1);
        }

        @Override
        public boolean acquire(boolean blocking) {
            return acquire(blocking, -1);
        }

        @Override
        public boolean acquire(boolean blocking, double timeout) {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }

        @Override
        public void release() {}

        @Override
        public boolean locked() {
            return true;
        }

        @Override
        public Held enter() {
            acquire();
            return Held.of(() -> {});
        }
    }
}

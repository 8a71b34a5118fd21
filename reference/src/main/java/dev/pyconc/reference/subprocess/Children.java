package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The adapter's register of the children it started and of the fds its {@code os} functions opened, for
 * hygiene between cases: {@link #cleanUp()} (at the end of each case, and when the adapter closes) kills what
 * is still running (its process group when the child leads one), reaps it with {@code waitpid} on its own pid,
 * and closes every pipe end and every fd left open. CPython's counterpart is weaker ({@code _active} and
 * {@code _cleanup()} only reap children whose Popen was collected); a test suite cannot afford a zombie or a
 * leaked fd carried into the next case.
 */
final class Children {
    private final Set<RefPopen> popens = new LinkedHashSet<>();
    private final Set<Integer> osFds = new LinkedHashSet<>();

    synchronized void started(RefPopen p) {
        if (popens.size() >= 256) {
            popens.removeIf(RefPopen::finished); // a long case: forget what needs no clean-up any more
        }
        popens.add(p);
    }

    /** The child was reaped; its pipes may still be open, so it stays registered until {@link RefPopen#finished()}. */
    void reaped(RefPopen p) {
        // nothing to do now: finished() is checked lazily
    }

    synchronized void osOpened(int fd) {
        osFds.add(fd);
    }

    /** An fd closed through {@code os.close}: no longer the adapter's to close. */
    synchronized void osClosed(int fd) {
        osFds.remove(fd);
    }

    /** Kills and reaps every child still running, closes their pipes and the {@code os} fds left open. */
    void cleanUp() {
        List<RefPopen> ps;
        List<Integer> fds;
        synchronized (this) {
            ps = new ArrayList<>(popens);
            popens.clear();
            fds = new ArrayList<>(osFds);
            osFds.clear();
        }
        for (RefPopen p : ps) {
            try {
                p.killAndReap();
            } catch (RuntimeException e) {
                // go on with the others
            }
        }
        for (int fd : fds) {
            Posix.C.close(fd);
        }
    }
}

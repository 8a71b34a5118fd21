package dev.pyconc.spi.futures;

import java.util.Set;

/**
 * The named 2-tuple {@code (done, not_done)} that {@code concurrent.futures.wait} returns.
 *
 * @param done the futures that finished or were cancelled
 * @param notDone the others
 * @see <a href="https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.wait">concurrent.futures.wait</a>
 */
public record DoneAndNotDone(Set<Future> done, Set<Future> notDone) {
    public DoneAndNotDone {
        done = Set.copyOf(done);
        notDone = Set.copyOf(notDone);
    }
}

package dev.pyconc.spec.cases.multiprocessing;

import dev.pyconc.spi.multiprocessing.Connection;
import dev.pyconc.spi.multiprocessing.Context;
import java.util.List;

/**
 * A duplex {@code Pipe()} for the synchronization cases: the case keeps {@link #parent()}, a child routine gets
 * {@link #child()} as its target; both ends are closed when the case leaves the try-with-resources block.
 */
record Pipe(Connection parent, Connection child) implements AutoCloseable {

    /** A new duplex pipe of {@code ctx}. */
    static Pipe open(Context ctx) {
        List<Connection> pair = ctx.pipe(true);
        return new Pipe(pair.get(0), pair.get(1));
    }

    /** The next message a child sent, failing the case if none comes within {@code Timing.LONG}. */
    Object next() {
        return Procs.next(parent);
    }

    /** Closes both ends, ignoring an end that is already closed. */
    @Override
    public void close() {
        for (Connection c : new Connection[] {parent, child}) {
            try {
                c.close();
            } catch (RuntimeException e) {
                // already closed: nothing to do
            }
        }
    }
}

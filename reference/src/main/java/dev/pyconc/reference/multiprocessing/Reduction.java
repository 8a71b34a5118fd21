package dev.pyconc.reference.multiprocessing;

import java.util.List;

/**
 * What a {@link Reducible} sends to a child JVM.
 *
 * @param kind the name {@link Rebuilders} knows the rebuilding function by ({@code "semlock"}, {@code "connection"})
 * @param state plain values (see {@code PickleCodec}) the function rebuilds the object from
 * @param fds file descriptors the child must inherit at the same numbers; empty when none
 */
public record Reduction(String kind, List<Object> state, List<Integer> fds) {
    /** Copies state and fds. */
    public Reduction {
        state = List.copyOf(state);
        fds = List.copyOf(fds);
    }
}

package dev.pyconc.reference.multiprocessing;

/**
 * An object of the reference's multiprocessing that can be handed to a child JVM, as CPython pickles a
 * {@code SemLock} by name or a {@code Connection} by its file descriptor: it reduces itself to a
 * {@link Reduction} (plain state plus the descriptors the child must inherit), and {@link Rebuilders} makes the
 * child's counterpart from it.
 */
public interface Reducible {
    /** This object as plain state for the child; its file descriptors are inherited by the child at the same numbers. */
    Reduction reduce();
}

/**
 * The reference's {@code multiprocessing.queues}: ports of CPython 3.14's {@code Queue}, {@code JoinableQueue} and
 * {@code SimpleQueue} (POSIX variants) over a one-way {@code Pipe} of
 * {@link dev.pyconc.reference.multiprocessing.connection.Connection}s and the process-shared locks and semaphores of
 * {@link dev.pyconc.reference.multiprocessing.sync}.
 *
 * <h2>Differences, and why</h2>
 * <ul>
 *   <li>CPython's {@code _notempty} ({@code threading.Condition(threading.Lock())}) and buffer deque are a Java
 *       monitor and an {@code ArrayDeque} in {@code Feeder}: process-local machinery with the same
 *       protocol.</li>
 *   <li>Garbage collection of the Python object is {@code dispose()} (or a {@link java.lang.ref.Cleaner}); CPython's
 *       exit-time finalizers of the feeder ({@code _finalize_close}, {@code _finalize_join}) are a JVM shutdown
 *       hook.</li>
 *   <li>A feeder error is printed to {@code System.err} as a Java stack trace rather than a Python traceback.</li>
 *   <li>Items are plain values pickled by {@code PickleCodec} (protocol 2, Pyrolite), so small ints may come back
 *       as {@link java.lang.Integer}.</li>
 * </ul>
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#pipes-and-queues">Pipes and queues</a>
 */
package dev.pyconc.reference.multiprocessing.queues;

/**
 * The reference's {@code multiprocessing.managers}, so far only {@code SharedMemoryManager}
 * ({@link dev.pyconc.reference.multiprocessing.managers.RefSharedMemoryManager}): a manager process (a child JVM
 * started as a {@code Process} of the spawn context, running {@link
 * dev.pyconc.reference.multiprocessing.managers.SharedMemoryServer}) that records the names of the shared memory
 * blocks made through the manager and unlinks them at shutdown.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.managers.SharedMemoryManager">SharedMemoryManager</a>
 */
package dev.pyconc.reference.multiprocessing.managers;

/**
 * The reference's {@code multiprocessing.shared_memory}: the groundwork ({@code SharedMemory}, {@code Tracker}),
 * independent of the SPI, and the SPI module over it.
 *
 * <h2>What maps to which CPython layer</h2>
 * <ul>
 *   <li>{@link dev.pyconc.reference.multiprocessing.shm.SharedMemory} is {@code SharedMemory} of
 *       {@code Lib/multiprocessing/shared_memory.py} with {@code _posixshmem} beneath it: on Linux a POSIX shared
 *       memory object is the file {@code /dev/shm/NAME}, so NIO opens it with glibc's rules ({@code O_NOFOLLOW},
 *       mode 0600, leading slashes stripped, EINVAL for names glibc refuses) and {@link java.nio.channels.FileChannel#map}
 *       maps it. Names ({@code psm_} and 8 hex digits), {@code size} ({@code st_size}: exact on Linux, not rounded to
 *       pages - CPython 3.14 and 3.11 report 10 for a 10-byte block, created or attached), {@code close} (unmaps,
 *       via {@code sun.misc.Unsafe.invokeCleaner} on JDK 17), {@code unlink}, the argument checks and the errors
 *       (FileExistsError, FileNotFoundError with the filename {@code /NAME}, ValueError for an empty block) are
 *       CPython's.</li>
 *   <li>{@link dev.pyconc.reference.multiprocessing.shm.Tracker} is the part of {@code resource_tracker} that
 *       {@code track=True} uses: blocks registered and not unlinked are unlinked at JVM exit, with CPython's
 *       warning. Since 3.13 {@code track=False} skips it; before 3.13 every attach registers.</li>
 *   <li>{@link dev.pyconc.reference.multiprocessing.shm.RefSharedMemoryModule} is the SPI module:
 *       {@link dev.pyconc.reference.multiprocessing.shm.RefSharedMemory} adds the memoryview {@code buf} whose
 *       slices are exports (close raises BufferError while one is unreleased, as CPython's mmap does), and
 *       reduction by name for child JVMs.</li>
 * </ul>
 *
 * <h2>Differences, and why</h2>
 * <ul>
 *   <li>{@code buf} is a bounds-checked view, not a raw {@link java.nio.ByteBuffer}: after unmapping, any access to
 *       the mapping would crash the JVM, where CPython refuses to close while views exist (BufferError). Accesses
 *       hold a read lock that close takes for writing; a view used after close raises CPython's "operation forbidden
 *       on released memoryview object". The groundwork view has no slices; the SPI's view
 *       ({@code RefMemoryView}) has, and counts them so that close refuses with BufferError.</li>
 *   <li>The tracker is a shutdown hook of this JVM, not a separate process: a JVM killed by SIGKILL leaks its
 *       tracked blocks, where CPython's tracker would still clean up.</li>
 *   <li>One {@code FileChannel.map} maps at most {@code Integer.MAX_VALUE} bytes; larger blocks raise
 *       OverflowError.</li>
 *   <li>{@link dev.pyconc.reference.multiprocessing.shm.RefShareableList} ports CPython's pure-Python ShareableList
 *       over this buffer with the same block layout; its documentation lists its two deliberate differences.</li>
 *   <li>A block or list handed to a child JVM is attached there with {@code track=False}: CPython's children share
 *       their parent's tracker, a child JVM has one of its own, which would unlink the parent's block at its exit.</li>
 * </ul>
 *
 * <h2>The tracker hazard</h2>
 * CPython's resource tracker unlinks at exit every block its process registered, including blocks it only attached
 * to. So a block created in Java and attached by CPython 3.11 with {@code SharedMemory(name)} is gone when that
 * CPython exits, unless it calls {@code resource_tracker.unregister(shm._name, "shared_memory")} (3.13+: pass
 * {@code track=False}). The Java tracker follows the same rule; attach to a block owned elsewhere with
 * {@code track=false}.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
package dev.pyconc.reference.multiprocessing.shm;

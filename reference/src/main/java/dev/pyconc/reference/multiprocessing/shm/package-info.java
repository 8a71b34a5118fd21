/**
 * Groundwork for the reference's {@code multiprocessing.shared_memory}, independent of the SPI.
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
 * </ul>
 *
 * <h2>Differences, and why</h2>
 * <ul>
 *   <li>{@code buf} is a bounds-checked view, not a raw {@link java.nio.ByteBuffer}: after unmapping, any access to
 *       the mapping would crash the JVM, where CPython refuses to close while views exist (BufferError). Accesses
 *       hold a read lock that close takes for writing; a view used after close raises CPython's "operation forbidden
 *       on released memoryview object". Views have no slices, so close never raises BufferError.</li>
 *   <li>The tracker is a shutdown hook of this JVM, not a separate process: a JVM killed by SIGKILL leaks its
 *       tracked blocks, where CPython's tracker would still clean up.</li>
 *   <li>One {@code FileChannel.map} maps at most {@code Integer.MAX_VALUE} bytes; larger blocks raise
 *       OverflowError.</li>
 *   <li>{@code ShareableList} is left for later (it is pure Python over {@code struct} and this buffer).</li>
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

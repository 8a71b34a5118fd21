/**
 * The reference's {@code multiprocessing} synchronization primitives: the cross-process semaphore and the
 * {@code multiprocessing.synchronize} classes over it.
 *
 * <h2>What maps to which CPython layer</h2>
 * <ul>
 *   <li>{@link dev.pyconc.reference.multiprocessing.sync.SemLock} is the C layer,
 *       {@code Modules/_multiprocessing/semaphore.c} ({@code _multiprocessing.SemLock} and
 *       {@code sem_unlink}): a POSIX named semaphore from glibc, bound through jnr-ffi as the subprocess package
 *       binds {@code posix_spawn}. Kinds, {@code acquire(block, timeout)}, {@code release()}, {@code _count},
 *       {@code _is_mine}, {@code _get_value}, {@code _is_zero}, {@code _rebuild}, {@code SEM_VALUE_MAX}, the
 *       creation flags ({@code O_CREAT|O_EXCL}, mode 0600) and the error types and messages are CPython's, checked
 *       against CPython 3.14.3 and 3.11.2 on Linux (they agree on all of it).</li>
 *   <li>The Python layer, {@code Lib/multiprocessing/synchronize.py}, over it:
 *       {@link dev.pyconc.reference.multiprocessing.sync.SemLockObject} ({@code synchronize.SemLock}: a fresh
 *       {@code /mp-XXXXXXXX} name, up to 100 tries, registered for unlinking with {@code SemNames}, this JVM's
 *       stand-in for the resource tracker), {@link dev.pyconc.reference.multiprocessing.sync.Lock}
 *       {@code (SEMAPHORE, 1, 1)}, {@link dev.pyconc.reference.multiprocessing.sync.RLock}
 *       {@code (RECURSIVE_MUTEX, 1, 1)}, {@link dev.pyconc.reference.multiprocessing.sync.Semaphore}
 *       {@code (SEMAPHORE, v, SEM_VALUE_MAX)}, {@link dev.pyconc.reference.multiprocessing.sync.BoundedSemaphore}
 *       {@code (SEMAPHORE, v, v)}, {@link dev.pyconc.reference.multiprocessing.sync.Condition} (the sleeping,
 *       woken and wait semaphores), {@link dev.pyconc.reference.multiprocessing.sync.Event} (a Condition over a
 *       Lock and a flag Semaphore) and {@link dev.pyconc.reference.multiprocessing.sync.Barrier}
 *       ({@code threading.Barrier}'s algorithm; its two ints in a {@code shm.SharedMemory} block where CPython uses
 *       a {@code heap.BufferWrapper}). They implement the SPI's {@code threading} interfaces with the differences
 *       {@code Context} documents, and CPython's exceptions and messages where those differ from
 *       {@code threading}'s (ValueError, AssertionError, TypeError, AttributeError for missing attributes). Each is
 *       {@link dev.pyconc.reference.multiprocessing.Reducible}: its reduction carries semaphore names (and the
 *       block's name), which a child JVM opens; a semaphore's name is unlinked by the process that created it, at
 *       {@code close()}, when the object is collected or at JVM exit.</li>
 *   <li>Interop: a semaphore created here is the one CPython opens with
 *       {@code _multiprocessing.SemLock._rebuild(0, kind, maxvalue, name)} (on Linux {@code _rebuild} opens the
 *       name and ignores the handle) - which is what unpickling a {@code multiprocessing.Lock} does - and the
 *       reverse through {@link dev.pyconc.reference.multiprocessing.sync.SemLock#rebuild}. Checked with 3.14 and
 *       3.11.</li>
 * </ul>
 *
 * <h2>Differences, and why</h2>
 * <ul>
 *   <li>Waiting is {@code sem_timedwait} in slices of at most 50 ms, so that a Java interrupt
 *       ({@link dev.pyconc.reference.multiprocessing.sync.SemLock.InterruptPolicy}, the stand-in for a Python
 *       signal handler) and {@code close()} can end a wait; the deadline is kept on the monotonic clock. CPython
 *       makes one {@code sem_timedwait} with a {@code gettimeofday} deadline, or {@code sem_wait} without timeout.
 *       Timeouts CPython cannot turn into a deadline (NaN, infinity, 2^63 s and more) raise OSError EINVAL as
 *       there.</li>
 *   <li>Ownership is the Java thread; the process part of CPython's (process, thread) is implied since a JVM does
 *       not fork ({@code _after_fork} is left out) and a SemLock opened elsewhere starts with count 0.</li>
 *   <li>{@code _rebuild} with {@code name=None} (a handle inherited through fork) is refused: there is no fork.</li>
 *   <li>No resource tracker process: {@code SemLock} itself never unlinks; {@code SemLockObject} registers the
 *       names it creates with {@code SemNames} (a JVM shutdown hook), which a JVM killed by SIGKILL cannot run.</li>
 *   <li>{@code close()} ({@code sem_close}) is explicit or left to a {@link java.lang.ref.Cleaner}, as CPython's
 *       dealloc; using a closed object raises ValueError.</li>
 * </ul>
 *
 * <h2>Memory effects</h2>
 * A release happens-before the acquire that sees it: across processes because POSIX counts {@code sem_post} and the
 * waits among the functions that synchronize memory, and within a JVM because release writes a volatile field before
 * {@code sem_post} and a successful acquire reads it after the wait.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#synchronization-primitives">multiprocessing
 *     synchronization primitives</a>
 */
package dev.pyconc.reference.multiprocessing.sync;

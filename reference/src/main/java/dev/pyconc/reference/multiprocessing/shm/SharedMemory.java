package dev.pyconc.reference.multiprocessing.shm;

import dev.pyconc.spi.exceptions.FileExistsError;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.OverflowError;
import dev.pyconc.spi.exceptions.ValueError;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * {@code multiprocessing.shared_memory.SharedMemory} on Linux: a POSIX shared memory object, which on Linux is the
 * file {@code /dev/shm/NAME} on a tmpfs, mapped with {@link FileChannel#map}. Any process that maps the same name
 * sees the same bytes: another JVM through {@link #attach}, CPython through {@code SharedMemory(name)}.
 *
 * <p>What CPython's {@code shm_open} does (glibc: {@code open("/dev/shm/" + name, flags | O_NOFOLLOW | O_CLOEXEC,
 * 0600)} after stripping leading slashes, EINVAL for an empty name, a name of 254 characters or more, or one with a
 * '/' inside) is done here with NIO and the same checks; errors are Python's OSError subclasses with CPython's
 * filename, the name with its leading slash ({@code [Errno 2] No such file or directory: '/psm_x'}).
 *
 * <p>{@link #size()} is {@code os.fstat(fd).st_size}: on Linux exactly the size asked for at creation, not rounded to
 * pages (CPython 3.11 and 3.14 report {@code size=10} for a 10-byte block, created or attached; only macOS rounds).
 *
 * <p><b>Tracking.</b> With {@code track=True} (the default, and the only behaviour before 3.13) CPython registers the
 * block with its resource tracker, which unlinks every registered block that was not unlinked when the process
 * ends, with a warning — whether this process created the block or only attached to it. This class keeps the same
 * rule in-process ({@link Tracker}: a JVM shutdown hook, not a separate process, so a JVM killed by SIGKILL leaks).
 * The hazard carries over both ways: a Java-created block attached by a CPython before 3.13 (which has no
 * {@code track} parameter) disappears when that CPython exits unless it calls
 * {@code resource_tracker.unregister(shm._name, "shared_memory")}; pass {@code track=false} in Java when attaching
 * to a block owned by someone else.
 *
 * <p><b>The buffer.</b> {@link #buf()} is a bounds-checked view ({@link Buffer}) rather than the mapped
 * {@link ByteBuffer} itself: unmapping ({@link #close()}, through {@code sun.misc.Unsafe.invokeCleaner} on JDK 17)
 * makes every later access to the mapping crash the JVM, so accesses hold a read lock that close takes for writing,
 * and a view used after close raises ValueError like a released {@code memoryview}. CPython's {@code close()} raises
 * BufferError while slices of {@code buf} are alive; views here have no slices, so close always succeeds.
 *
 * <p><b>Memory effects.</b> Plain loads and stores on a shared mapping; ordering between processes comes from the
 * synchronization used around them (for instance {@code dev.pyconc.reference.multiprocessing.sync.SemLock}, whose
 * post and wait synchronize memory).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html">multiprocessing.shared_memory</a>
 */
public final class SharedMemory implements AutoCloseable {
    /** {@code _SHM_NAME_PREFIX} on POSIX. */
    static final String NAME_PREFIX = "/psm_";
    /** Where glibc puts POSIX shared memory objects. */
    static final Path SHM_DIR = Path.of("/dev/shm");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private final String name; // with the leading slash, as CPython's _name
    private final long size;
    private final boolean track;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private FileChannel channel; // guarded by lock (write)
    private MappedByteBuffer map; // guarded by lock; null once closed
    private Buffer buf;

    /**
     * {@code SharedMemory(name=None, create=False, size=0, *, track=True)}.
     *
     * @param name the block's name without a leading slash, or null (None) for a fresh {@code psm_XXXXXXXX} name
     *     (only with {@code create})
     * @param create whether to create the block ({@code O_CREAT|O_EXCL}, mode 0600) and size it to {@code size}
     * @param size the size of a new block in bytes; ignored when attaching (the block's own size is used)
     * @param track whether to register the block with the {@link Tracker} (see the class documentation)
     * @throws ValueError "'size' must be a positive integer" (negative size), "'size' must be a positive number
     *     different from zero" (create with 0), "'name' can only be None if create=True", "cannot mmap an empty
     *     file" (attaching a block of size 0)
     * @throws FileExistsError when creating a name that exists
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when attaching a name that does not exist
     * @throws OSError EINVAL for a name glibc refuses, or another error of open, sizing or mapping (after which a
     *     block is unlinked, as CPython does)
     * @throws OverflowError for a block larger than {@link Integer#MAX_VALUE} bytes, which one {@link FileChannel#map}
     *     cannot map (a limit of this implementation)
     */
    public SharedMemory(String name, boolean create, long size, boolean track) {
        if (!(size >= 0)) {
            throw new ValueError("'size' must be a positive integer");
        }
        if (create && size == 0) {
            throw new ValueError("'size' must be a positive number different from zero");
        }
        if (name == null && !create) {
            throw new ValueError("'name' can only be None if create=True");
        }
        this.track = track;
        String n;
        if (name == null) {
            while (true) {
                n = makeFilename();
                try {
                    channel = open(n, true);
                    break;
                } catch (FileExistsError e) {
                    // another name
                }
            }
        } else {
            n = "/" + name;
            channel = open(n, create);
        }
        this.name = n;
        long sz;
        try {
            if (create) {
                // ftruncate of the fresh, empty file: writing its last byte grows it the same way (zero-filled).
                channel.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
            sz = channel.size();
            if (sz == 0) {
                closeChannel();
                throw new ValueError("cannot mmap an empty file");
            }
            if (sz > Integer.MAX_VALUE) {
                closeChannel();
                throw new OverflowError("a block of " + sz + " bytes is larger than one FileChannel.map can map");
            }
            map = channel.map(FileChannel.MapMode.READ_WRITE, 0, sz);
        } catch (IOException e) {
            closeChannel();
            unlinkQuietly(n);
            throw oserror(e, n);
        }
        this.size = sz;
        this.buf = new Buffer();
        if (track) {
            Tracker.register(n);
        }
    }

    /** {@code SharedMemory(create=True, size=size)}: a new block with a fresh name, tracked. */
    public static SharedMemory create(long size) {
        return new SharedMemory(null, true, size, true);
    }

    /** {@code SharedMemory(name, create=True, size=size, track=track)}. */
    public static SharedMemory create(String name, long size, boolean track) {
        return new SharedMemory(name, true, size, track);
    }

    /** {@code SharedMemory(name, track=track)}: attaches to an existing block. */
    public static SharedMemory attach(String name, boolean track) {
        return new SharedMemory(name, false, 0, track);
    }

    /** {@code _make_filename()}: {@code /psm_} and 8 hex digits ({@code secrets.token_hex(4)}). */
    static String makeFilename() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return NAME_PREFIX + HexFormat.of().formatHex(b);
    }

    /**
     * The file glibc's {@code shm_open}/{@code shm_unlink} use for {@code name}, or OSError EINVAL where glibc
     * refuses it ({@code __shm_get_name}).
     */
    static Path file(String name) {
        String n = name;
        int i = 0;
        while (i < n.length() && n.charAt(i) == '/') {
            i++;
        }
        n = n.substring(i);
        int cLen = n.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        if (cLen == 1 || cLen >= 255 || n.indexOf('/') >= 0 || n.indexOf('\0') >= 0) {
            throw OSError.forErrno(22, "Invalid argument", name);
        }
        return SHM_DIR.resolve(n);
    }

    private static FileChannel open(String name, boolean create) {
        Path f = file(name);
        try {
            return create
                    ? FileChannel.open(f, CREATE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(f, OPEN);
        } catch (IOException e) {
            throw oserror(e, name);
        }
    }

    /** An NIO failure as the OSError subclass CPython raises for the errno behind it. */
    static OSError oserror(IOException e, String name) {
        if (e instanceof FileAlreadyExistsException) {
            return OSError.forErrno(17, "File exists", name);
        }
        if (e instanceof NoSuchFileException) {
            return OSError.forErrno(2, "No such file or directory", name);
        }
        if (e instanceof AccessDeniedException) {
            return OSError.forErrno(13, "Permission denied", name);
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (reason != null && reason.contains("Too many levels of symbolic links")) {
            return OSError.forErrno(40, "Too many levels of symbolic links", name);
        }
        if (reason != null && reason.contains("No space left on device")) {
            return OSError.forErrno(28, "No space left on device", name);
        }
        OSError o = new OSError(reason == null ? e.toString() : reason + ": '" + name + "'");
        o.initCause(e);
        return o;
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // as os.close on a failing path: nothing to do
        }
        channel = null;
    }

    private static void unlinkQuietly(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException | RuntimeException ignored) {
            // the original error is the one to report
        }
    }

    /** {@code name}: the block's name, without the leading slash CPython adds for {@code shm_open}. */
    public String name() {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** {@code size}: the block's size in bytes ({@code st_size}); still known after close. */
    public long size() {
        return size;
    }

    /** Whether this object registered its block with the {@link Tracker} ({@code track}). */
    public boolean track() {
        return track;
    }

    /** {@code buf}: the view of the block's bytes, or null (None) once closed. */
    public Buffer buf() {
        lock.readLock().lock();
        try {
            return map == null ? null : buf;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code close()}: unmaps the block and closes the file; the block itself stays. Idempotent. Waits for
     * accesses in progress through {@link #buf()} on other threads; later ones raise ValueError.
     */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (map != null) {
                MappedByteBuffer m = map;
                map = null;
                buf = null;
                unmap(m);
            }
            closeChannel();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * {@code unlink()}: removes the name ({@code shm_unlink}); processes that have the block mapped keep it until
     * they unmap. Unregisters from the {@link Tracker} when tracked.
     *
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when the name is gone already (unlinking twice)
     */
    public void unlink() {
        try {
            Files.delete(file(name));
        } catch (IOException e) {
            throw oserror(e, name);
        }
        if (track) {
            Tracker.unregister(name);
        }
    }

    /**
     * {@code _posixshmem.shm_unlink(name)} for a name as {@link #name()} reports it (a leading slash is added).
     *
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when there is no such block
     */
    public static void unlink(String name) {
        String n = "/" + name;
        try {
            Files.delete(file(n));
        } catch (IOException e) {
            throw oserror(e, n);
        }
    }

    /** {@code repr()}: {@code SharedMemory('psm_1a2b3c4d', size=10)}. */
    @Override
    public String toString() {
        return "SharedMemory('" + name() + "', size=" + size + ")";
    }

    private static volatile Method invokeCleaner;
    private static volatile Object unsafe;

    /** Unmaps at once ({@code munmap}); JDK 17 has no public API for it, {@code sun.misc.Unsafe.invokeCleaner} does it. */
    private static void unmap(MappedByteBuffer m) {
        try {
            if (invokeCleaner == null) {
                Class<?> c = Class.forName("sun.misc.Unsafe");
                Field f = c.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = f.get(null);
                invokeCleaner = c.getMethod("invokeCleaner", ByteBuffer.class);
            }
            invokeCleaner.invoke(unsafe, m);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot unmap a shared memory block", e.getCause());
        } catch (ReflectiveOperationException e) {
            // No Unsafe: the mapping goes when the buffer is garbage-collected (it is unreachable from here on).
        }
    }

    /**
     * {@code buf}, a {@code memoryview} of format {@code 'B'}: bytes at offsets 0 to {@code len()-1}, with
     * CPython's errors. Multi-byte accessors are little-endian, as {@code struct}'s {@code '<i'}/{@code '<q'}
     * (and {@code '@'} on x86-64 and aarch64). Safe to use from several threads; not atomic between processes.
     */
    public final class Buffer {
        private Buffer() {}

        private MappedByteBuffer mapped() {
            MappedByteBuffer m = map;
            if (m == null) {
                throw new ValueError("operation forbidden on released memoryview object");
            }
            return m;
        }

        private void check(long index, long n) {
            if (index < 0 || n < 0 || index + n > size) {
                throw new IndexError("index out of bounds on dimension 1");
            }
        }

        /** {@code len(buf)}. */
        public long len() {
            return size;
        }

        /** {@code buf[i]}: 0 to 255 (a negative {@code i} counts from the end, as in Python). */
        public int get(long i) {
            long j = i < 0 ? i + size : i;
            lock.readLock().lock();
            try {
                MappedByteBuffer m = mapped();
                check(j, 1);
                return m.get((int) j) & 0xff;
            } finally {
                lock.readLock().unlock();
            }
        }

        /**
         * {@code buf[i] = value}.
         *
         * @throws ValueError "memoryview: invalid value for format 'B'" outside 0 to 255
         */
        public void set(long i, int value) {
            if (value < 0 || value > 255) {
                throw new ValueError("memoryview: invalid value for format 'B'");
            }
            long j = i < 0 ? i + size : i;
            lock.readLock().lock();
            try {
                MappedByteBuffer m = mapped();
                check(j, 1);
                m.put((int) j, (byte) value);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** {@code bytes(buf[offset:offset+n])}. */
        public byte[] read(long offset, int n) {
            lock.readLock().lock();
            try {
                MappedByteBuffer m = mapped();
                check(offset, n);
                byte[] b = new byte[n];
                m.get((int) offset, b);
                return b;
            } finally {
                lock.readLock().unlock();
            }
        }

        /** {@code buf[offset:offset+len(b)] = b}. */
        public void write(long offset, byte[] b) {
            lock.readLock().lock();
            try {
                MappedByteBuffer m = mapped();
                check(offset, b.length);
                m.put((int) offset, b);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** {@code struct.unpack_from('<q', buf, offset)[0]}. */
        public long getLong(long offset) {
            return apply(offset, 8, (m, o) -> m.order(ByteOrder.LITTLE_ENDIAN).getLong(o));
        }

        /** {@code struct.pack_into('<q', buf, offset, v)}. */
        public void putLong(long offset, long v) {
            apply(offset, 8, (m, o) -> m.order(ByteOrder.LITTLE_ENDIAN).putLong(o, v));
        }

        /** {@code struct.unpack_from('<i', buf, offset)[0]}. */
        public int getInt(long offset) {
            return apply(offset, 4, (m, o) -> m.order(ByteOrder.LITTLE_ENDIAN).getInt(o));
        }

        /** {@code struct.pack_into('<i', buf, offset, v)}. */
        public void putInt(long offset, int v) {
            apply(offset, 4, (m, o) -> m.order(ByteOrder.LITTLE_ENDIAN).putInt(o, v));
        }

        private <T> T apply(long offset, int n, java.util.function.BiFunction<ByteBuffer, Integer, T> f) {
            lock.readLock().lock();
            try {
                MappedByteBuffer m = mapped();
                check(offset, n);
                return f.apply(m.duplicate(), (int) offset);
            } finally {
                lock.readLock().unlock();
            }
        }

        /**
         * Runs {@code f} on a duplicate of the mapped buffer (position 0, limit {@code len()}), with close held off
         * until it returns. {@code f} must not keep the buffer or anything derived from it: after close, touching
         * the mapping crashes the JVM.
         */
        public <T> T withByteBuffer(Function<ByteBuffer, T> f) {
            lock.readLock().lock();
            try {
                return f.apply(mapped().duplicate());
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}

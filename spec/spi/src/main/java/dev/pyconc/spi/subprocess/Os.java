package dev.pyconc.spi.subprocess;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import java.util.List;

/**
 * The few functions of Python's {@code os} module that subprocess cases need to make and inspect file
 * descriptors in the implementation's own process (the fds a child inherits are the implementation's, not
 * the JVM's running the case). Flag values are Linux's.
 *
 * @see <a href="https://docs.python.org/3/library/os.html#file-descriptor-operations">os: file descriptors</a>
 */
public interface Os {
    /** {@code os.O_RDONLY}. */
    int O_RDONLY = 0;
    /** {@code os.O_WRONLY}. */
    int O_WRONLY = 1;
    /** {@code os.O_RDWR}. */
    int O_RDWR = 2;
    /** {@code os.O_CREAT}. */
    int O_CREAT = 0100;
    /** {@code os.O_TRUNC}. */
    int O_TRUNC = 01000;
    /** {@code os.O_APPEND}. */
    int O_APPEND = 02000;

    /**
     * {@code os.open(path, flags, mode)}: the new fd, not inheritable (PEP 446).
     *
     * @throws dev.pyconc.spi.exceptions.OSError (a subclass by errno) if the OS refuses
     */
    long open(String path, int flags, int mode);

    /** {@code os.pipe()}: {@code (read_fd, write_fd)}, both not inheritable. */
    PyTuple pipe();

    /**
     * {@code os.read(fd, n)}: at most n bytes; blocks until some are there; empty at end of file.
     *
     * @throws dev.pyconc.spi.exceptions.OSError for a bad fd
     */
    @dev.pyconc.spi.Blocking
    PyBytes read(long fd, long n);

    /** {@code os.write(fd, data)}: the number of bytes written. */
    @dev.pyconc.spi.Blocking
    long write(long fd, PyBytes data);

    /**
     * {@code os.close(fd)}.
     *
     * @throws dev.pyconc.spi.exceptions.OSError for a bad fd
     */
    void close(long fd);

    /** {@code os.set_inheritable(fd, inheritable)}. */
    void setInheritable(long fd, boolean inheritable);

    /** {@code os.get_inheritable(fd)}. */
    boolean getInheritable(long fd);

    /** {@code os.getpid()}: the implementation's process id. */
    long getpid();

    /** {@code os.listdir(path)} as names, e.g. of {@code /proc/self/fd} (the implementation's open fds). */
    List<String> listdir(String path);
}

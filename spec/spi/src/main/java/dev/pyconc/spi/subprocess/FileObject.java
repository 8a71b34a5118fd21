package dev.pyconc.spi.subprocess;

import dev.pyconc.spi.Blocking;

/**
 * A Python file object: {@code Popen.stdin}, {@code Popen.stdout} or {@code Popen.stderr} when that stream is
 * {@link Redirect#PIPE}. In binary mode (the default) data is {@link dev.pyconc.spi.PyBytes}; in text mode
 * ({@code text}, {@code encoding}, {@code errors} or {@code universal_newlines} given) it is {@link String}.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.Popen.stdin">Popen.stdin</a>
 * @see <a href="https://docs.python.org/3/glossary.html#term-file-object">file object</a>
 */
public interface FileObject {
    /**
     * {@code write(data)}: writes (possibly into the object's buffer; see {@link #flush()}).
     *
     * @param data PyBytes in binary mode, String in text mode
     * @return the number of bytes (binary) or characters (text) written
     * @throws dev.pyconc.spi.exceptions.TypeError if data has the wrong type for the mode
     * @throws dev.pyconc.spi.exceptions.ValueError if the file is closed
     * @throws dev.pyconc.spi.exceptions.OSError (BrokenPipeError) if the reading end is closed
     */
    @Blocking
    long write(Object data);

    /** {@code flush()}: hands buffered data to the OS. */
    @Blocking
    void flush();

    /**
     * {@code read()}: everything up to end of file, blocking until then.
     *
     * @return PyBytes in binary mode, String in text mode; empty at end of file
     */
    @Blocking
    Object read();

    /**
     * {@code read(size)}: at most {@code size} bytes or characters; blocks until that many or end of file.
     *
     * @return PyBytes or String, empty at end of file
     */
    @Blocking
    Object read(long size);

    /** {@code readline()}: one line including its line ending, or empty at end of file. */
    @Blocking
    Object readline();

    /** {@code close()}: closes the parent's end; closing twice does nothing. */
    void close();

    /** {@code closed}. */
    boolean closed();

    /** {@code fileno()}: the parent's file descriptor. */
    long fileno();
}

package dev.pyconc.spi.multiprocessing;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyContextManager;

/**
 * {@code multiprocessing.connection.Connection}: one end of a pipe or socket that sends and receives whole
 * messages, pickled objects or bytes. A context manager: leaving the block closes it.
 *
 * <p>Errors: {@code OSError} when the connection is closed or used in the wrong direction; {@code EOFError} when
 * the other end has been closed and every message sent before has been read.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#connection-objects">Connection objects</a>
 */
public interface Connection extends PyContextManager {
    /** Pickles {@code obj} and sends it as one message. */
    @Blocking
    void send(Object obj);

    /** Receives the next message and unpickles it; blocks until there is one. */
    @Blocking
    Object recv();

    /** Sends the whole of {@code buf} as one message. */
    @Blocking
    void sendBytes(PyBytes buf);

    /** Sends {@code buf[offset:]}. */
    @Blocking
    void sendBytes(PyBytes buf, long offset);

    /** Sends {@code size} bytes of {@code buf} from {@code offset} (size None: to the end). */
    @Blocking
    void sendBytes(PyBytes buf, long offset, Long size);

    /** Receives one message as bytes. */
    @Blocking
    PyBytes recvBytes();

    /**
     * Receives one message as bytes; when it is longer than {@code maxlength} raises {@code OSError} and the
     * connection cannot be read any more.
     */
    @Blocking
    PyBytes recvBytes(Long maxlength);

    /**
     * Receives one message into {@code buffer} (a Python {@code bytearray} of the same length, copied back) and
     * returns its length.
     *
     * @throws dev.pyconc.spi.exceptions.BufferTooShort when it does not fit; its argument holds the whole message
     */
    @Blocking
    long recvBytesInto(byte[] buffer);

    /** As {@link #recvBytesInto(byte[])}, writing from byte position {@code offset} of {@code buffer}. */
    @Blocking
    long recvBytesInto(byte[] buffer, long offset);

    /** {@code poll()}: whether there is something to read, without waiting. */
    boolean poll();

    /** {@code poll(timeout)}: waits at most timeout seconds (None: without limit) for something to read. */
    @Blocking
    boolean poll(Double timeout);

    /** Closes the connection; a second call does nothing. */
    void close();

    /** The file descriptor (or handle) the connection uses. */
    long fileno();

    /** Whether {@link #close()} was called. */
    boolean closed();

    /** Whether the connection can receive. */
    boolean readable();

    /** Whether the connection can send. */
    boolean writable();
}

package dev.pyconc.reference.multiprocessing.connection;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The byte stream under a {@link Connection}: CPython's file descriptor with {@code os.read}, {@code os.write}
 * and {@code wait([conn], timeout)}. Sockets are {@link SocketTransport}; a pipe pair (CPython's
 * {@code Pipe(duplex=False)}) will be another implementation.
 *
 * <p>A reader and a writer may use one transport from two threads at once (a duplex connection); two readers
 * or two writers may not, as in CPython.
 */
interface Transport {
    /**
     * {@code os.read}: blocks until at least one byte is there or the stream ends.
     *
     * @return the number of bytes read into {@code dst}, at least 1, or -1 at end of stream
     * @throws IOException from the OS; a {@link java.nio.channels.ClosedChannelException} when closed meanwhile
     */
    int read(ByteBuffer dst) throws IOException;

    /** Writes every remaining byte of {@code srcs}, in order, blocking as needed (a gathering {@code os.write} loop). */
    void write(ByteBuffer... srcs) throws IOException;

    /**
     * Whether a read would not block (data, or the end of the stream, is there).
     *
     * @param timeout seconds to wait at most; null waits for ever; zero or less does not wait
     */
    boolean poll(Double timeout) throws IOException;

    /** Closes the stream; a read, write or poll blocked in another thread ends with ClosedChannelException. */
    void close() throws IOException;
}

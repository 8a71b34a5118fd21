package dev.pyconc.reference.multiprocessing.pool;

import dev.pyconc.reference.multiprocessing.connection.PickleCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The duplex channel between the pool and one worker process: the child's stdin and stdout pipes, carrying
 * messages framed as {@code multiprocessing.connection} frames them (a 4-byte big-endian length, then a pickle of a
 * plain value). One thread reads and one writes at a time on each side.
 */
final class WorkerChannel implements AutoCloseable {
    private final DataInputStream in;
    private final DataOutputStream out;

    WorkerChannel(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = new DataOutputStream(out);
    }

    /** Sends one message. */
    synchronized void send(Object message) throws IOException {
        byte[] b = PickleCodec.dumps(message);
        out.writeInt(b.length);
        out.write(b);
        out.flush();
    }

    /**
     * Receives one message.
     *
     * @throws EOFException when the other side closed its end (a worker that exited or was killed)
     */
    Object recv() throws IOException {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        return PickleCodec.loads(b);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the other side is gone
        }
        try {
            in.close();
        } catch (IOException e) {
            // the other side is gone
        }
    }
}

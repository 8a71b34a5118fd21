package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.FileObject;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The file object over the parent's end of a pipe: {@code Popen.stdin} (writable), {@code Popen.stdout} and
 * {@code Popen.stderr} (readable), as CPython's {@code io.open(fd, 'wb'/'rb', bufsize)} layers them:
 * <ul>
 *   <li>binary, {@code bufsize=0}: a raw {@code FileIO}: one {@code read}/{@code write} system call per call;</li>
 *   <li>binary, otherwise: a {@code BufferedReader}/{@code BufferedWriter} (buffer: {@code bufsize} bytes when
 *       above 1, else {@code io.DEFAULT_BUFFER_SIZE}, 128 KiB in 3.14): {@code read(n)} loops until n bytes or
 *       end of file, and written data stays in the buffer until it is full, {@link #flush()} or
 *       {@link #close()};</li>
 *   <li>text: a {@code TextIOWrapper} over the buffered layer: reading decodes incrementally with the codec and
 *       error handler (see {@link Codecs}) and translates newlines (universal newlines); writing encodes, and with
 *       line buffering ({@code bufsize=1}) flushes when the text holds {@code \n} or {@code \r}.</li>
 * </ul>
 * The fd is blocking; calls block the calling thread in the system call. Errors are Python's: ValueError on a
 * closed file (with CPython's wording for each layer), TypeError for data of the wrong type, the OSError
 * subclass of the errno (BrokenPipeError for a reader that has gone).
 */
final class PipeFile implements FileObject {
    /** {@code io.DEFAULT_BUFFER_SIZE} in CPython 3.14. */
    static final int DEFAULT_BUFFER_SIZE = 128 * 1024;
    private static final int READ_CHUNK = 64 * 1024;

    private final Fd fd;
    private final boolean writable;
    private final boolean raw;
    private final int bufferSize;
    private final Codecs.Codec codec; // null: binary
    private final String errors;
    private final boolean lineBuffering;
    private final Object lock = new Object();

    // reading, binary layer
    private byte[] rbuf = new byte[0];
    private int rpos;
    private boolean eof;
    // reading, text layer
    private Codecs.Decoder decoder;
    private final Codecs.Newlines newlines = new Codecs.Newlines();
    private final StringBuilder text = new StringBuilder();
    private boolean textEof;
    // writing
    private final ByteArrayOutputStream wbuf = new ByteArrayOutputStream();

    PipeFile(int fd, boolean writable, int bufsize, Codecs.Codec codec, String errors, boolean lineBuffering) {
        this.fd = new Fd(fd).closeWhenCollected(this);
        this.writable = writable;
        this.codec = codec;
        this.errors = errors;
        this.raw = codec == null && bufsize == 0;
        this.bufferSize = bufsize > 1 ? bufsize : DEFAULT_BUFFER_SIZE;
        this.lineBuffering = lineBuffering && codec != null;
        if (codec != null && !writable) {
            decoder = new Codecs.Decoder(codec, errors);
        }
    }

    Fd fdHolder() {
        return fd;
    }

    boolean text() {
        return codec != null;
    }

    Codecs.Codec codec() {
        return codec;
    }

    String errors() {
        return errors;
    }

    private void checkOpen(String bufferedWording) {
        if (fd.closed()) {
            throw new ValueError(codec != null ? "I/O operation on closed file." : raw
                    ? "I/O operation on closed file" : bufferedWording);
        }
    }

    private void checkReadable() {
        if (writable) {
            throw new dev.pyconc.spi.exceptions.OSError("read");  // io.UnsupportedOperation: not readable
        }
    }

    // ---- writing ----

    @Override
    public long write(Object data) {
        synchronized (lock) {
            if (!writable) {
                checkOpen("write to closed file");
                throw new dev.pyconc.spi.exceptions.OSError("write");
            }
            byte[] bytes;
            long count;
            if (codec != null) {
                if (!(data instanceof String s)) {
                    checkOpen("write to closed file");
                    throw new TypeError("write() argument must be str, not " + typeName(data));
                }
                checkOpen("write to closed file");
                bytes = Codecs.encode(codec, errors, s);
                count = s.codePointCount(0, s.length());
            } else {
                if (!(data instanceof PyBytes b)) {
                    throw new TypeError("a bytes-like object is required, not '" + typeName(data) + "'");
                }
                checkOpen("write to closed file");
                bytes = b.toByteArray();
                count = bytes.length;
            }
            if (raw) {
                return Io.write(fd.fd(), bytes, 0, bytes.length);
            }
            if (wbuf.size() + bytes.length > bufferSize) {
                flushLocked();
            }
            if (bytes.length >= bufferSize) {
                Io.writeAll(fd.fd(), bytes, 0, bytes.length);
            } else {
                wbuf.write(bytes, 0, bytes.length);
            }
            if (lineBuffering && (((String) data).indexOf('\n') >= 0 || ((String) data).indexOf('\r') >= 0)) {
                flushLocked();
            }
            return count;
        }
    }

    private static String typeName(Object o) {
        return o == null ? "NoneType" : o instanceof String ? "str" : o instanceof PyBytes ? "bytes"
                : o instanceof Long || o instanceof Integer ? "int" : o.getClass().getSimpleName();
    }

    @Override
    public void flush() {
        synchronized (lock) {
            checkOpen("flush of closed file");
            if (writable) {
                flushLocked();
            }
        }
    }

    private void flushLocked() {
        if (wbuf.size() > 0) {
            byte[] b = wbuf.toByteArray();
            wbuf.reset();
            Io.writeAll(fd.fd(), b, 0, b.length);
        }
    }

    // ---- reading: binary layer ----

    /** Reads one chunk from the fd into the buffer; false at end of file. Caller holds the lock. */
    private boolean fill() {
        if (eof) {
            return false;
        }
        byte[] chunk = new byte[READ_CHUNK];
        int n = Io.read(fd.fd(), chunk, chunk.length);
        if (n == 0) {
            eof = true;
            return false;
        }
        int avail = rbuf.length - rpos;
        byte[] nb = new byte[avail + n];
        System.arraycopy(rbuf, rpos, nb, 0, avail);
        System.arraycopy(chunk, 0, nb, avail, n);
        rbuf = nb;
        rpos = 0;
        return true;
    }

    private byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(rbuf, rpos, rpos + n);
        rpos += n;
        return out;
    }

    private byte[] readAllBytes() {
        while (fill()) {
            // keep reading until end of file
        }
        return take(rbuf.length - rpos);
    }

    /** What a previous partial read left buffered (communicate() hands it on instead of losing it). */
    byte[] drainBuffered() {
        synchronized (lock) {
            byte[] b = take(rbuf.length - rpos);
            return b;
        }
    }

    @Override
    public Object read() {
        return read(-1);
    }

    @Override
    public Object read(long size) {
        synchronized (lock) {
            checkReadable();
            checkOpen("read of closed file");
            if (codec != null) {
                return readText(size);
            }
            if (size < 0) {
                return PyBytes.of(readAllBytes());
            }
            if (raw) {
                if (size == 0) {
                    return PyBytes.empty();
                }
                byte[] b = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
                int n = Io.read(fd.fd(), b, b.length);
                return PyBytes.of(b, 0, n);
            }
            while (rbuf.length - rpos < size && fill()) {
                // BufferedReader.read(n) blocks until n bytes or end of file
            }
            return PyBytes.of(take((int) Math.min(size, rbuf.length - rpos)));
        }
    }

    @Override
    public Object readline() {
        synchronized (lock) {
            checkReadable();
            checkOpen("readline of closed file");
            if (codec != null) {
                return readTextLine();
            }
            int scanned = 0; // bytes after rpos already searched for a newline
            while (true) {
                for (int i = rpos + scanned; i < rbuf.length; i++) {
                    if (rbuf[i] == '\n') {
                        return PyBytes.of(take(i + 1 - rpos));
                    }
                }
                scanned = rbuf.length - rpos;
                if (!fill()) { // fill() keeps the unread bytes first, from rpos
                    return PyBytes.of(take(rbuf.length - rpos));
                }
            }
        }
    }

    // ---- reading: text layer ----

    /** Decodes one more chunk into {@link #text}; false at end of file. */
    private boolean fillText() {
        if (textEof) {
            return false;
        }
        boolean more = fill();
        byte[] b = take(rbuf.length - rpos);
        String s = decoder.decode(b, 0, b.length, !more);
        text.append(newlines.feed(s, !more));
        if (!more) {
            textEof = true;
        }
        return true;
    }

    private String takeText(int chars) {
        String s = text.substring(0, chars);
        text.delete(0, chars);
        return s;
    }

    private Object readText(long size) {
        if (size < 0) {
            while (fillText()) {
                // to end of file
            }
            return takeText(text.length());
        }
        while (text.codePointCount(0, text.length()) < size && fillText()) {
            // until size characters or end of file
        }
        int cps = text.codePointCount(0, text.length());
        int chars = cps <= size ? text.length() : text.offsetByCodePoints(0, (int) size);
        return takeText(chars);
    }

    private Object readTextLine() {
        int from = 0;
        while (true) {
            int nl = text.indexOf("\n", from);
            if (nl >= 0) {
                return takeText(nl + 1);
            }
            from = text.length();
            if (!fillText()) {
                return takeText(text.length());
            }
        }
    }

    // ---- the rest ----

    @Override
    public void close() {
        synchronized (lock) {
            if (fd.closed()) {
                return;
            }
            try {
                if (writable) {
                    flushLocked();
                }
            } finally {
                fd.close();
            }
        }
    }

    /** Closes the fd without flushing (the adapter's clean-up, and a child that could not be started). */
    void abandon() {
        fd.close();
    }

    @Override
    public boolean closed() {
        return fd.closed();
    }

    @Override
    public long fileno() {
        if (fd.closed()) {
            throw new ValueError(codec != null ? "I/O operation on closed file." : "I/O operation on closed file");
        }
        return fd.fd();
    }

    @Override
    public String toString() {
        return codec != null ? "<_io.TextIOWrapper name=" + fd.fd() + " encoding='" + codec.name() + "'>"
                : raw ? "<_io.FileIO name=" + fd.fd() + " mode='" + (writable ? "wb" : "rb") + "' closefd=True>"
                : "<_io.Buffered" + (writable ? "Writer" : "Reader") + " name=" + fd.fd() + ">";
    }
}

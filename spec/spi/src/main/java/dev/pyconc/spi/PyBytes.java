package dev.pyconc.spi;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Python {@code bytes} object crossing the SPI: an immutable sequence of bytes, equal to another
 * {@code PyBytes} with the same content (and never to a {@link String}: in Python {@code b'a' != 'a'}).
 *
 * <p>A {@code String} crossing the SPI stands for Python's {@code str}; a {@code PyBytes} for {@code bytes}.
 * Subprocess pipes in binary mode give and take {@code PyBytes}; in text mode, {@code String}.
 *
 * @see <a href="https://docs.python.org/3/library/stdtypes.html#bytes-objects">bytes</a>
 */
public final class PyBytes implements Comparable<PyBytes> {
    private static final PyBytes EMPTY = new PyBytes(new byte[0]);
    private final byte[] data;

    private PyBytes(byte[] data) {
        this.data = data;
    }

    /** The bytes object holding a copy of {@code data}. */
    public static PyBytes of(byte... data) {
        return data.length == 0 ? EMPTY : new PyBytes(data.clone());
    }

    /** The bytes object holding {@code data[offset:offset+length]} (a copy). */
    public static PyBytes of(byte[] data, int offset, int length) {
        return length == 0 ? EMPTY : new PyBytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /** {@code b''}. */
    public static PyBytes empty() {
        return EMPTY;
    }

    /** {@code s.encode('utf-8')}: the UTF-8 bytes of {@code s}; for ASCII text, Python's {@code b'...'} literal. */
    public static PyBytes utf8(String s) {
        return of(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** {@code len(b)}. */
    public int size() {
        return data.length;
    }

    /** {@code b[i]}, as an unsigned value 0-255. */
    public int get(int i) {
        return data[i] & 0xff;
    }

    /** {@code b.decode(charset)} with errors replaced (U+FFFD), for messages and assertions. */
    public String decode(Charset charset) {
        return new String(data, charset);
    }

    /** {@code b.decode('utf-8', 'replace')}. */
    public String utf8() {
        return decode(StandardCharsets.UTF_8);
    }

    /** Equal by content to another {@code PyBytes}; never equal to a String or a byte array. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PyBytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Python's ordering of bytes: unsigned, lexicographic. */
    @Override
    public int compareTo(PyBytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    /** Python's {@code repr}: {@code b'ab\n\x00'}, long content cut after 200 bytes with its length. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("b'");
        int shown = Math.min(data.length, 200);
        for (int i = 0; i < shown; i++) {
            int c = data[i] & 0xff;
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        sb.append('\'');
        if (shown < data.length) {
            sb.append("... (").append(data.length).append(" bytes)");
        }
        return sb.toString();
    }
}

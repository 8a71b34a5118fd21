package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.LookupError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.UnicodeDecodeError;
import dev.pyconc.spi.exceptions.UnicodeEncodeError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Python's codecs as subprocess's text mode needs them: a Python codec name ({@code encoding=}) mapped to a
 * Java {@link Charset}, and Python's error handlers ({@code errors=}) applied to the malformed and unmappable
 * input that a Java decoder or encoder reports. Java's own replacement behaviour is never used: every coder
 * runs with {@link CodingErrorAction#REPORT}, and each reported run is handled as Python's handler would.
 *
 * <ul>
 *   <li>Names are normalized as {@code encodings.normalize_encoding} does (lower case, runs of punctuation to
 *       {@code _}) and looked up in Python's aliases for the common codecs ({@code utf-8}, {@code ascii},
 *       {@code latin-1}, {@code utf-16}, {@code utf-32}, their {@code -le}/{@code -be} forms, {@code cp1252});
 *       other names are tried as Java charset names. Python's {@code utf-16}/{@code utf-32} write a
 *       little-endian BOM and read either BOM (Java's {@code UTF-16} would write big-endian), so they map to
 *       {@code x-UTF-16LE-BOM}/{@code X-UTF-32LE-BOM}. An unknown name raises LookupError
 *       {@code unknown encoding: NAME}.</li>
 *   <li>Handlers: {@code strict} (UnicodeDecodeError / UnicodeEncodeError with CPython's message form),
 *       {@code ignore}, {@code replace} (U+FFFD when decoding, {@code ?} when encoding), {@code surrogateescape}
 *       (undecodable bytes to U+DC80..U+DCFF and back), {@code backslashreplace}; {@code xmlcharrefreplace} and
 *       {@code namereplace} when encoding. As in CPython's TextIOWrapper, an unknown handler name is noticed
 *       only when an error has to be handled (LookupError {@code unknown error handler name 'NAME'}).</li>
 *   <li>Universal newlines (reading): {@code \r\n} and {@code \r} become {@code \n}, a trailing {@code \r} of a
 *       chunk being held back until the next chunk shows whether {@code \n} follows
 *       ({@code io.IncrementalNewlineDecoder}).</li>
 * </ul>
 *
 * @see <a href="https://docs.python.org/3/library/codecs.html#standard-encodings">standard encodings</a>
 * @see <a href="https://docs.python.org/3/library/codecs.html#error-handlers">error handlers</a>
 */
final class Codecs {
    private static final Set<String> HANDLERS = Set.of("strict", "ignore", "replace", "surrogateescape",
            "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogatepass");
    private static final Map<String, Codec> ALIASES = new HashMap<>();

    static {
        alias(new Codec("utf-8", StandardCharsets.UTF_8), "utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4",
                "cp65001");
        alias(new Codec("ascii", StandardCharsets.US_ASCII), "ascii", "us_ascii", "646", "us", "ansi_x3.4_1968",
                "ansi_x3_4_1968", "ansi_x3.4_1986", "iso646_us", "cp367", "csascii", "ibm367", "iso_ir_6");
        alias(new Codec("latin-1", StandardCharsets.ISO_8859_1), "latin_1", "latin1", "latin", "l1",
                "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "ibm819",
                "iso_8859_1_1987");
        alias(new Codec("utf-16", Charset.forName("x-UTF-16LE-BOM")), "utf_16", "utf16", "u16");
        alias(new Codec("utf-16-le", StandardCharsets.UTF_16LE), "utf_16_le", "utf_16le", "unicodelittleunmarked");
        alias(new Codec("utf-16-be", StandardCharsets.UTF_16BE), "utf_16_be", "utf_16be", "unicodebigunmarked");
        alias(new Codec("utf-32", Charset.forName("X-UTF-32LE-BOM")), "utf_32", "utf32", "u32");
        alias(new Codec("utf-32-le", Charset.forName("UTF-32LE")), "utf_32_le", "utf_32le");
        alias(new Codec("utf-32-be", Charset.forName("UTF-32BE")), "utf_32_be", "utf_32be");
        alias(new Codec("cp1252", Charset.forName("windows-1252")), "cp1252", "windows_1252");
    }

    private Codecs() {}

    private static void alias(Codec c, String... names) {
        for (String n : names) {
            ALIASES.put(n, c);
        }
    }

    /** A Python codec: its name as CPython's messages spell it, and the Java charset doing the work. */
    record Codec(String name, Charset charset) {}

    /** {@code encodings.normalize_encoding} plus lower case, as {@code codecs.lookup} applies it. */
    static String normalize(String name) {
        StringBuilder sb = new StringBuilder();
        boolean punct = false;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '.') {
                if (punct && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                punct = false;
            } else {
                punct = true;
            }
        }
        return sb.toString();
    }

    /**
     * {@code codecs.lookup(name)}.
     *
     * @throws LookupError {@code unknown encoding: NAME}
     */
    static Codec lookup(String name) {
        String n = normalize(name);
        Codec c = ALIASES.get(n);
        if (c != null) {
            return c;
        }
        for (String candidate : new String[] {n, n.replace('_', '-'), name}) {
            try {
                if (!candidate.isEmpty() && Charset.isSupported(candidate)) {
                    return new Codec(n.replace('_', '-'), Charset.forName(candidate));
                }
            } catch (RuntimeException e) {
                // an illegal charset name: try the next spelling
            }
        }
        throw new LookupError("unknown encoding: " + name);
    }

    /**
     * The encoding of text mode when {@code encoding} is not given: {@code locale.getencoding()}, which on this
     * platform is the JVM's {@code native.encoding}; the C/POSIX locale's ASCII counts as UTF-8, since CPython
     * coerces that locale to C.UTF-8 (PEP 538).
     */
    static Codec localeEncoding() {
        String ne = System.getProperty("native.encoding", "UTF-8");
        try {
            Codec c = lookup(ne);
            return c.charset().equals(StandardCharsets.US_ASCII) ? lookup("utf-8") : c;
        } catch (LookupError e) {
            return lookup("utf-8");
        }
    }

    private static String handler(String errors) {
        String h = errors == null ? "strict" : errors;
        if (!HANDLERS.contains(h)) {
            throw new LookupError("unknown error handler name '" + h + "'");
        }
        return h;
    }

    /** {@code bytes.decode(encoding, errors)} of all of {@code data}. */
    static String decode(Codec codec, String errors, byte[] data) {
        return new Decoder(codec, errors).decode(data, 0, data.length, true);
    }

    /** {@code data.decode(encoding, errors).replace("\r\n", "\n").replace("\r", "\n")}: Popen._translate_newlines. */
    static String translateNewlines(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** An incremental decoder with a Python error handler (the decoder a TextIOWrapper keeps). */
    static final class Decoder {
        private final Codec codec;
        private final String errors;
        private final CharsetDecoder dec;
        private byte[] leftover = new byte[0];

        Decoder(Codec codec, String errors) {
            this.codec = codec;
            this.errors = errors;
            this.dec = codec.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        /**
         * Decodes the next chunk; bytes of an incomplete sequence at its end wait for the next call unless
         * {@code eof}.
         */
        String decode(byte[] data, int off, int len, boolean eof) {
            ByteBuffer in;
            if (leftover.length == 0) {
                in = ByteBuffer.wrap(data, off, len);
            } else {
                byte[] all = new byte[leftover.length + len];
                System.arraycopy(leftover, 0, all, 0, leftover.length);
                System.arraycopy(data, off, all, leftover.length, len);
                in = ByteBuffer.wrap(all);
            }
            int base = in.position();
            StringBuilder sb = new StringBuilder(len + 16);
            CharBuffer out = CharBuffer.allocate(Math.max(16, (int) (in.remaining() * (double) dec.maxCharsPerByte()) + 4));
            while (true) {
                CoderResult r = dec.decode(in, out, eof);
                if (r.isUnderflow() && eof) {
                    r = dec.flush(out);
                }
                if (r.isOverflow()) {
                    out.flip();
                    sb.append(out);
                    out.clear();
                    continue;
                }
                if (r.isError()) {
                    out.flip();
                    sb.append(out);
                    out.clear();
                    int pos = in.position();
                    int n = r.length();
                    handleDecodeError(sb, in, pos - base, n, eof && pos + n >= in.limit());
                    in.position(pos + n);
                    continue;
                }
                break;
            }
            out.flip();
            sb.append(out);
            if (!eof && in.hasRemaining()) {
                leftover = new byte[in.remaining()];
                in.get(leftover);
            } else {
                leftover = new byte[0];
                if (eof) {
                    dec.reset();
                }
            }
            return sb.toString();
        }

        private void handleDecodeError(StringBuilder sb, ByteBuffer in, int pos, int n, boolean atEnd) {
            switch (handler(errors)) {
                case "ignore" -> { }
                case "replace" -> sb.append('\ufffd');
                case "surrogateescape" -> {
                    for (int i = 0; i < n; i++) {
                        int b = in.get(in.position() + i) & 0xff;
                        if (b < 128) {
                            throw decodeError(in, pos, n, atEnd);
                        }
                        sb.append((char) (0xdc00 + b));
                    }
                }
                case "backslashreplace" -> {
                    for (int i = 0; i < n; i++) {
                        sb.append(String.format("\\x%02x", in.get(in.position() + i) & 0xff));
                    }
                }
                case "xmlcharrefreplace", "namereplace" -> throw new TypeError(
                        "don't know how to handle UnicodeDecodeError in error callback");
                default -> throw decodeError(in, pos, n, atEnd);
            }
        }

        private UnicodeDecodeError decodeError(ByteBuffer in, int pos, int n, boolean atEnd) {
            int first = in.get(in.position()) & 0xff;
            String reason;
            if (codec.charset().equals(StandardCharsets.US_ASCII)) {
                reason = "ordinal not in range(128)";
            } else if (codec.charset().equals(StandardCharsets.UTF_8)) {
                reason = atEnd && first >= 0xc2 && first <= 0xf4 ? "unexpected end of data"
                        : first < 0xc2 || first > 0xf4 ? "invalid start byte" : "invalid continuation byte";
            } else if (codec.name().startsWith("utf-16") || codec.name().startsWith("utf-32")) {
                reason = atEnd ? "truncated data" : "illegal encoding";
            } else {
                reason = "character maps to <undefined>";
            }
            String what = n == 1 ? String.format("byte 0x%02x in position %d", first, pos)
                    : "bytes in position " + pos + "-" + (pos + n - 1);
            return new UnicodeDecodeError("'" + codec.name() + "' codec can't decode " + what + ": " + reason);
        }
    }

    /** {@code s.encode(encoding, errors)}. */
    static byte[] encode(Codec codec, String errors, String s) {
        CharsetEncoder enc = codec.charset().newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer in = CharBuffer.wrap(s);
        ByteBuffer out = ByteBuffer.allocate(Math.max(16, (int) (s.length() * (double) enc.maxBytesPerChar()) + 8));
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream(out.capacity());
        while (true) {
            CoderResult r = enc.encode(in, out, true);
            if (r.isUnderflow()) {
                r = enc.flush(out);
            }
            if (r.isOverflow()) {
                sink.write(out.array(), 0, out.position());
                out.clear();
                continue;
            }
            if (r.isError()) {
                sink.write(out.array(), 0, out.position());
                out.clear();
                int pos = in.position();
                int end = pos + r.length();
                // CPython reports (and hands to the handler) the whole run of characters that cannot be encoded.
                while (end < s.length() && !canEncode(codec, s, end)) {
                    end += Character.charCount(s.codePointAt(end));
                }
                handleEncodeError(codec, errors, s, pos, end, sink);
                in.position(end);
                continue;
            }
            break;
        }
        sink.write(out.array(), 0, out.position());
        return sink.toByteArray();
    }

    private static boolean canEncode(Codec codec, String s, int i) {
        int cp = s.codePointAt(i);
        if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
            return false;
        }
        return codec.charset().newEncoder().canEncode(new String(Character.toChars(cp)));
    }

    private static void handleEncodeError(Codec codec, String errors, String s, int start, int end,
            java.io.ByteArrayOutputStream sink) {
        String h = handler(errors);
        switch (h) {
            case "ignore" -> { }
            case "replace" -> {
                for (int i = start; i < end; i += Character.charCount(s.codePointAt(i))) {
                    sink.writeBytes(encode(codec, "strict", "?"));
                }
            }
            case "surrogateescape" -> {
                for (int i = start; i < end; i++) {
                    char c = s.charAt(i);
                    if (c < 0xdc80 || c > 0xdcff) {
                        throw encodeError(codec, s, start, end);
                    }
                }
                for (int i = start; i < end; i++) {
                    sink.write(s.charAt(i) - 0xdc00);
                }
            }
            case "backslashreplace", "xmlcharrefreplace", "namereplace" -> {
                StringBuilder sb = new StringBuilder();
                for (int i = start; i < end; i += Character.charCount(s.codePointAt(i))) {
                    int cp = s.codePointAt(i);
                    if (h.equals("xmlcharrefreplace")) {
                        sb.append("&#").append(cp).append(';');
                    } else if (h.equals("namereplace") && Character.getName(cp) != null) {
                        sb.append("\\N{").append(Character.getName(cp)).append('}');
                    } else {
                        sb.append(escape(cp));
                    }
                }
                sink.writeBytes(encode(codec, "strict", sb.toString()));
            }
            default -> throw encodeError(codec, s, start, end);
        }
    }

    private static String escape(int cp) {
        return cp <= 0xff ? String.format("\\x%02x", cp)
                : cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
    }

    private static UnicodeEncodeError encodeError(Codec codec, String s, int start, int end) {
        int from = s.codePointCount(0, start);
        int to = from + s.codePointCount(start, end);
        String reason = codec.charset().equals(StandardCharsets.US_ASCII) ? "ordinal not in range(128)"
                : codec.charset().equals(StandardCharsets.ISO_8859_1) ? "ordinal not in range(256)"
                : Character.isSurrogate(s.charAt(start)) ? "surrogates not allowed"
                : "character maps to <undefined>";
        String what = to - from == 1 ? "character '" + escape(s.codePointAt(start)) + "' in position " + from
                : "characters in position " + from + "-" + (to - 1);
        return new UnicodeEncodeError("'" + codec.name() + "' codec can't encode " + what + ": " + reason);
    }

    /** {@code io.IncrementalNewlineDecoder(translate=True)}: universal newlines over successive chunks. */
    static final class Newlines {
        private boolean pendingCr;

        String feed(String s, boolean eof) {
            if (pendingCr) {
                s = "\r" + s;
                pendingCr = false;
            }
            if (!eof && s.endsWith("\r")) {
                pendingCr = true;
                s = s.substring(0, s.length() - 1);
            }
            return translateNewlines(s);
        }
    }

    /** The bytes of a Python path or argument: a String as {@code os.fsencode} (UTF-8, surrogateescape), or PyBytes. */
    static byte[] fsencode(Object o) {
        if (o instanceof PyBytes b) {
            return b.toByteArray();
        }
        String s = (String) o;
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            plain = !Character.isSurrogate(s.charAt(i));
        }
        if (plain) {
            return s.getBytes(StandardCharsets.UTF_8); // the same bytes, without the error-handler machinery
        }
        return encode(ALIASES.get("utf_8"), "surrogateescape", (String) o);
    }
}

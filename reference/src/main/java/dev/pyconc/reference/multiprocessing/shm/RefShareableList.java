package dev.pyconc.reference.multiprocessing.shm;

import dev.pyconc.reference.multiprocessing.Rebuilders;
import dev.pyconc.reference.multiprocessing.Reducible;
import dev.pyconc.reference.multiprocessing.Reduction;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.PyValues;
import dev.pyconc.spi.exceptions.IndexError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.UnicodeDecodeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.shared_memory.ShareableList;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code multiprocessing.shared_memory.ShareableList}, a port of CPython 3.14's (the same as 3.8 to 3.13 but for
 * {@code index}'s message) with the same layout in the block, so that a CPython process attaches a list made here
 * and the reverse. The block holds, little-endian (struct's native order and alignment on x86-64 and aarch64):
 * <ol>
 *   <li>8 bytes: the number of items N;</li>
 *   <li>(N + 1) * 8 bytes: each item's offset from the start of the data area, and the data area's end;</li>
 *   <li>the data area: 8 bytes for an int ({@code q}), float ({@code d}), bool ({@code xxxxxxx?}) or None
 *       ({@code xxxxxx?x}); for a str or bytes of length L (characters for a str, not its UTF-8 bytes) a slot of
 *       {@code 8 * (L // 8 + 1)} bytes ({@code %ds}), the value NUL-padded;</li>
 *   <li>N * 8 bytes: each item's struct format, NUL-padded;</li>
 *   <li>N bytes: each item's back-transform code (0 as stored, 1 str, 2 bytes, 3 None).</li>
 * </ol>
 *
 * <p>What CPython does, kept here: a str or bytes read back loses its trailing NULs (gh-106939); a str slot sized by
 * characters can be too small for the UTF-8 encoding, which is then cut (and may not decode: UnicodeDecodeError);
 * an item may be replaced by a value of another type that fits its slot (a str or bytes keeps the whole slot);
 * slicing raises TypeError; an unsupported type raises KeyError naming its class; an int outside 64 bits raises
 * {@code struct.error}; a str or bytes whose slot would reach 10,000,000 bytes (a length of 9,999,992 or more)
 * raises AssertionError when the list is made, as CPython's format check does (when assertions are on);
 * {@code count} and {@code index} use {@code ==} (so {@code 1 == True == 1.0}).
 *
 * <p>Differences, deliberate: an index before {@code -len} raises IndexError (CPython normalizes it twice and reads
 * or writes the metadata area instead); errors are raised before anything is written (CPython 3.14 creates the
 * block before packing, so an int outside 64 bits leaks a block until its resource tracker removes it, and an
 * assignment of one changes the item's format first).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.shared_memory.html#multiprocessing.shared_memory.ShareableList">ShareableList</a>
 */
public final class RefShareableList implements ShareableList, Reducible {
    /** The kind of {@link Reduction} this class rebuilds. */
    public static final String KIND = "shareable_list";
    private static final int ALIGNMENT = 8;
    private static final String Q_RANGE = "'q' format requires -9223372036854775808 <= number <= 9223372036854775807";
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static {
        Rebuilders.register(KIND, state -> attach((String) state.get(0), false));
    }

    private final RefSharedMemory shm;
    private final int listLen;
    private final long[] allocatedOffsets;

    private RefShareableList(RefSharedMemory shm, int listLen, long[] allocatedOffsets) {
        this.shm = shm;
        this.listLen = listLen;
        this.allocatedOffsets = allocatedOffsets;
    }

    /**
     * {@code ShareableList(sequence, name=name)}: a new block (named {@code name}, or a fresh name when null)
     * holding the items.
     *
     * @throws KeyError for an item of an unsupported type (message: its class, {@code <class 'list'>})
     * @throws PyException {@code struct.error} for an int outside 64 signed bits
     * @throws dev.pyconc.spi.exceptions.FileExistsError when a block of that name exists
     */
    public static RefShareableList create(List<?> sequence, String name) {
        List<Object> items = new ArrayList<>(sequence == null ? List.of() : sequence);
        int n = items.size();
        String[] formats = new String[n];
        long[] offsets = new long[n + 1];
        byte[][] encoded = new byte[n][];
        long offset = 0;
        for (int i = 0; i < n; i++) {
            Object item = items.get(i);
            if (item instanceof String || item instanceof PyBytes) {
                long len = item instanceof String s ? s.codePointCount(0, s.length()) : ((PyBytes) item).size();
                formats[i] = ALIGNMENT * (len / ALIGNMENT + 1) + "s";
                if (formats[i].length() > 8) {
                    // CPython asserts that every format fits the 8 bytes kept for it: a slot of 10,000,000 bytes or more
                    throw new PyAssertionError("");
                }
                encoded[i] = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ((PyBytes) item).toByteArray();
            } else {
                formats[i] = scalarFormat(item);
                checkRange(item);
            }
            offset += formats[i].endsWith("s") ? Long.parseLong(formats[i].substring(0, formats[i].length() - 1)) : ALIGNMENT;
            offsets[i + 1] = offset;
        }
        long requested = 8L + 8L * (n + 1) + offset + 8L * n + n;
        RefSharedMemory shm = RefSharedMemory.open(name, true, requested, true);
        RefShareableList l = new RefShareableList(shm, n, offsets);
        try {
            SharedMemory.Buffer b = l.buffer();
            b.putLong(0, n);
            for (int i = 0; i <= n; i++) {
                b.putLong(8L * (i + 1), offsets[i]);
            }
            for (int i = 0; i < n; i++) {
                l.pack(b, formats[i], l.dataStart() + offsets[i], items.get(i), encoded[i]);
                l.setFormatAndTransform(b, i, formats[i], items.get(i));
            }
        } catch (RuntimeException e) {
            shm.close();
            shm.unlink();
            throw e;
        }
        return l;
    }

    /**
     * {@code ShareableList(name=name)}: attaches the existing list of that name ({@code track} as for
     * {@link SharedMemory}).
     *
     * @throws dev.pyconc.spi.exceptions.FileNotFoundError when there is no block of that name
     */
    public static RefShareableList attach(String name, boolean track) {
        RefSharedMemory shm = RefSharedMemory.open(name, false, 0, track);
        try {
            SharedMemory.Buffer b = shm.block().buf();
            int n = Math.toIntExact(b.getLong(0));
            long[] offsets = new long[n + 1];
            for (int i = 0; i <= n; i++) {
                offsets[i] = b.getLong(8L * (i + 1));
            }
            return new RefShareableList(shm, n, offsets);
        } catch (RuntimeException e) {
            shm.close();
            throw e;
        }
    }

    /** Loads this class, so that its rebuilder is registered ({@link Rebuilders}). */
    public static void ensureRegistered() {
        // the static initializer did it
    }

    /** {@code _types_mapping[type(value)]} for the types that are not str or bytes. */
    private static String scalarFormat(Object value) {
        if (value == null) {
            return "xxxxxx?x";
        }
        if (value instanceof Boolean) {
            return "xxxxxxx?";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return "q";
        }
        if (value instanceof Double || value instanceof Float) {
            return "d";
        }
        throw new KeyError("<class '" + typeName(value) + "'>");
    }

    private static String typeName(Object value) {
        if (value instanceof PyTuple) {
            return "tuple";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof Set) {
            return "set";
        }
        return value.getClass().getSimpleName();
    }

    private static void checkRange(Object value) {
        if (value instanceof BigInteger big && (big.compareTo(MIN) < 0 || big.compareTo(MAX) > 0)) {
            throw new PyException("struct.error", Q_RANGE, null);
        }
    }

    /** {@code _extract_recreation_code(value)}. */
    private static int recreationCode(Object value) {
        if (value instanceof String) {
            return 1;
        }
        if (value instanceof PyBytes) {
            return 2;
        }
        return value == null ? 3 : 0;
    }

    /** {@code self.shm.buf}, or TypeError when the block was closed ({@code buf} is None). */
    private SharedMemory.Buffer buffer() {
        SharedMemory.Buffer b = shm.buf() == null ? null : shm.block().buf();
        if (b == null) {
            throw new TypeError("a bytes-like object is required, not 'NoneType'");
        }
        return b;
    }

    private long dataStart() {
        return (listLen + 2L) * 8;
    }

    private long packingFormats() {
        return dataStart() + allocatedOffsets[listLen];
    }

    private long backTransformCodes() {
        return packingFormats() + listLen * 8L;
    }

    /** {@code struct.pack_into(fmt, buf, at, value)} for the formats a ShareableList uses. */
    private void pack(SharedMemory.Buffer b, String fmt, long at, Object value, byte[] encoded) {
        switch (fmt) {
            case "q" -> b.putLong(at, value instanceof BigInteger big ? big.longValueExact() : ((Number) value).longValue());
            case "d" -> b.putLong(at, Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case "xxxxxxx?" -> b.write(at, new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) (PyValues.truthy(value) ? 1 : 0)});
            case "xxxxxx?x" -> b.write(at, new byte[8]); // None packs as '?' False, between pad bytes
            default -> {
                int size = Integer.parseInt(fmt.substring(0, fmt.length() - 1));
                byte[] slot = Arrays.copyOf(encoded, size); // cut or NUL-padded, as struct's 's'
                b.write(at, slot);
            }
        }
    }

    /** {@code struct.unpack_from(fmt, buf, at)[0]}. */
    private static Object unpack(SharedMemory.Buffer b, String fmt, long at) {
        switch (fmt) {
            case "q":
                return b.getLong(at);
            case "d":
                return Double.longBitsToDouble(b.getLong(at));
            case "xxxxxxx?":
                return b.get(at + 7) != 0;
            case "xxxxxx?x":
                return b.get(at + 6) != 0;
            default:
                if (fmt.length() > 1 && fmt.endsWith("s") && fmt.substring(0, fmt.length() - 1).chars().allMatch(Character::isDigit)) {
                    return b.read(at, Integer.parseInt(fmt.substring(0, fmt.length() - 1)));
                }
                throw new PyException("struct.error", "bad char in struct format", null);
        }
    }

    private static byte[] rstripNul(byte[] v) {
        int end = v.length;
        while (end > 0 && v[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(v, end);
    }

    private static String decode(byte[] v) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            throw new UnicodeDecodeError("'utf-8' codec can't decode bytes: " + e.getMessage());
        }
    }

    /** {@code _get_packing_format(position)}: position already within range. */
    private String packingFormat(SharedMemory.Buffer b, int position) {
        return new String(rstripNul(b.read(packingFormats() + position * 8L, 8)), StandardCharsets.UTF_8);
    }

    private void setFormatAndTransform(SharedMemory.Buffer b, int position, String fmt, Object value) {
        b.write(packingFormats() + position * 8L, Arrays.copyOf(fmt.getBytes(StandardCharsets.UTF_8), 8));
        b.write(backTransformCodes() + position, new byte[] {(byte) recreationCode(value)});
    }

    /** A Python index normalized once, or -1 when outside the list. */
    private int position(long index) {
        long p = index < 0 ? index + listLen : index;
        return p < 0 || p >= listLen ? -1 : (int) p;
    }

    /**
     * {@code l[index]}.
     *
     * @throws IndexError "index out of range"
     */
    @Override
    public Object get(long index) {
        int p = position(index);
        if (p < 0) {
            throw new IndexError("index out of range");
        }
        SharedMemory.Buffer b = buffer();
        Object v = unpack(b, packingFormat(b, p), dataStart() + allocatedOffsets[p]);
        int code = b.get(backTransformCodes() + p);
        switch (code) {
            case 0:
                return v;
            case 1:
                return decode(rstripNul((byte[]) v));
            case 2:
                return PyBytes.of(rstripNul((byte[]) v));
            case 3:
                return null;
            default:
                throw new KeyError(Integer.toString((byte) code));
        }
    }

    /**
     * {@code l[index] = value}.
     *
     * @throws IndexError "assignment index out of range"
     * @throws ValueError "bytes/str item exceeds available storage" for a str or bytes longer than the slot
     * @throws KeyError for an unsupported type; {@code struct.error} for an int outside 64 bits
     */
    @Override
    public void set(long index, Object value) {
        int p = position(index);
        if (p < 0) {
            throw new IndexError("assignment index out of range");
        }
        SharedMemory.Buffer b = buffer();
        long itemOffset = allocatedOffsets[p];
        long offset = dataStart() + itemOffset;
        String current = packingFormat(b, p);
        String fmt;
        byte[] encoded = null;
        if (value instanceof String || value instanceof PyBytes) {
            long allocated = allocatedOffsets[p + 1] - itemOffset;
            encoded = value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : ((PyBytes) value).toByteArray();
            if (encoded.length > allocated) {
                throw new ValueError("bytes/str item exceeds available storage");
            }
            fmt = current.endsWith("s") ? current : allocated + "s";
        } else {
            fmt = scalarFormat(value);
            checkRange(value);
        }
        setFormatAndTransform(b, p, fmt, value);
        pack(b, fmt, offset, value, encoded);
    }

    /**
     * {@code l[start:stop]}: always raises, as CPython's (the slice reaches a comparison with an int).
     *
     * @throws TypeError "'>=' not supported between instances of 'slice' and 'int'"
     */
    @Override
    public Object slice(Long start, Long stop) {
        throw new TypeError("'>=' not supported between instances of 'slice' and 'int'");
    }

    /** {@code len(l)}: the count stored in the block. */
    @Override
    public long len() {
        return buffer().getLong(0);
    }

    private List<Object> items() {
        List<Object> out = new ArrayList<>(listLen);
        for (int i = 0; i < listLen; i++) {
            out.add(get(i));
        }
        return out;
    }

    @Override
    public long count(Object value) {
        long c = 0;
        for (Object e : items()) {
            if (PyValues.eq(value, e)) {
                c++;
            }
        }
        return c;
    }

    /**
     * {@code l.index(value)}.
     *
     * @throws ValueError "ShareableList.index(x): x not in list" (3.14's message)
     */
    @Override
    public long index(Object value) {
        List<Object> all = items();
        for (int i = 0; i < all.size(); i++) {
            if (PyValues.eq(value, all.get(i))) {
                return i;
            }
        }
        throw new ValueError("ShareableList.index(x): x not in list");
    }

    @Override
    public String format() {
        SharedMemory.Buffer b = buffer();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < listLen; i++) {
            s.append(packingFormat(b, i));
        }
        return s.toString();
    }

    @Override
    public RefSharedMemory shm() {
        return shm;
    }

    @Override
    public Reduction reduce() {
        return new Reduction(KIND, List.of(shm.name()), List.of());
    }

    /** {@code ShareableList([1, 'a'], name='psm_...')}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Object o : items()) {
            parts.add(o instanceof String s ? "'" + s + "'" : o == null ? "None" : o instanceof Boolean bo ? (bo ? "True" : "False") : String.valueOf(o));
        }
        return "ShareableList([" + String.join(", ", parts) + "], name='" + shm.name() + "')";
    }
}

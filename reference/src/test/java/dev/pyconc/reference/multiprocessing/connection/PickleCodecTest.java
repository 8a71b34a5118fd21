package dev.pyconc.reference.multiprocessing.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.EOFError;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.FileNotFoundError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain values through pickle and back, and pickles CPython 3.11 wrote (fixed bytes from {@code pickle.dumps}). */
class PickleCodecTest {
    /** {@code {'z': 1, 'a': (2**70, -5, 1.5, None, True), 'b': [b'\x00\xff', 'héllo']}}. */
    private static final Map<String, Object> SAMPLE = sample();
    private static final String SAMPLE_P2 = "80027d71002858010000007a71014b015801000000617102288a0900000000000000004"
            + "04afbffffff473ff80000000000004e8874710358010000006271045d710528635f636f646563730a656e636f64650a710658"
            + "0300000000c3bf710758060000006c6174696e31710886710952710a580600000068c3a96c6c6f710b65752e";
    private static final String SAMPLE_P4 = "80049543000000000000007d94288c017a944b018c016194288a0900000000000000004"
            + "04afbffffff473ff80000000000004e8874948c0162945d9428430200ff948c0668c3a96c6c6f9465752e";
    /** {@code [ValueError('bad'), FileNotFoundError(2, '...', 'x'), KeyError('k'), AuthenticationError('a'), queue.Empty(), EOFError()]}. */
    private static final String EXCEPTIONS_P4 = "800495e0000000000000005d94288c086275696c74696e73948c0a56616c75654572"
            + "726f729493948c03626164948594529468018c1146696c654e6f74466f756e644572726f729493944b028c194e6f207375636"
            + "82066696c65206f72206469726563746f7279948c0178948794529468018c084b65794572726f729493948c016b948594529"
            + "48c176d756c746970726f63657373696e672e636f6e74657874948c1341757468656e7469636174696f6e4572726f7294939"
            + "48c016194859452948c065f7175657565948c05456d70747994939429529468018c08454f464572726f72949394295294652e";

    private static Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", 1L);
        m.put("a", PyTuple.of(BigInteger.TWO.pow(70), -5L, 1.5, null, true));
        m.put("b", List.of(PyBytes.of((byte) 0, (byte) 0xff), "héllo"));
        return m;
    }

    private static Object roundTrip(Object v) {
        return PickleCodec.loads(PickleCodec.dumps(v));
    }

    @Test
    void cpythonPicklesOfProtocol2And4DecodeToPlainValuesInOrder() {
        for (String hex : List.of(SAMPLE_P2, SAMPLE_P4)) {
            Object v = PickleCodec.loads(HexFormat.of().parseHex(hex));
            assertEquals(SAMPLE, v);
            assertEquals(List.of("z", "a", "b"), new ArrayList<>(((Map<?, ?>) v).keySet()), "dict order kept");
            assertInstanceOf(Long.class, ((Map<?, ?>) v).get("z"), "small ints are Long, never Integer");
            assertInstanceOf(PyTuple.class, ((Map<?, ?>) v).get("a"));
        }
    }

    @Test
    void everyPlainValueRoundTrips() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zz", 1L);
        m.put("aa", 2L);
        List<Object> values = List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, BigInteger.TWO.pow(64).negate(),
                1.25, Double.NaN, "", "ü€𝄞", PyBytes.empty(), PyBytes.of(all), PyBytes.of(new byte[100_000]),
                PyTuple.of(), PyTuple.of(1L), List.of(), List.of(PyTuple.of("x", null)), m, true, false);
        for (Object v : values) {
            assertEquals(v, roundTrip(v), String.valueOf(v));
        }
        assertNull(roundTrip(null));
        assertEquals(List.of("zz", "aa"), new ArrayList<>(((Map<?, ?>) roundTrip(m)).keySet()));
        assertEquals(7L, roundTrip(7), "an Integer goes out as int and comes back as Long");
        assertEquals(3, PickleCodec.dumps(1L)[1], "protocol 3: bytes need BINBYTES");
    }

    @Test
    void sharedAndRecursiveListsKeepTheirShape() {
        List<Object> inner = new ArrayList<>(List.of(1L));
        List<Object> outer = new ArrayList<>(List.of(inner, inner));
        outer.add(outer);
        List<?> back = (List<?>) roundTrip(outer);
        assertSame(back.get(0), back.get(1));
        assertSame(back, back.get(2));
    }

    @Test
    void cpythonExceptionsBecomeTheSpiClasses() {
        List<?> l = (List<?>) PickleCodec.loads(HexFormat.of().parseHex(EXCEPTIONS_P4));
        assertInstanceOf(ValueError.class, l.get(0));
        assertEquals("bad", ((BaseException) l.get(0)).getMessage());
        FileNotFoundError f = assertInstanceOf(FileNotFoundError.class, l.get(1));
        assertEquals("[Errno 2] No such file or directory: 'x'", f.getMessage());
        assertEquals(2L, f.errno());
        assertEquals("x", f.filename());
        assertEquals("'k'", assertInstanceOf(KeyError.class, l.get(2)).getMessage());
        AuthenticationError a = assertInstanceOf(AuthenticationError.class, l.get(3));
        assertEquals("multiprocessing.context.AuthenticationError", a.pythonName());
        assertEquals(List.of("multiprocessing.AuthenticationError", "multiprocessing.ProcessError",
                "builtins.Exception", "builtins.BaseException"), a.pythonMro());
        assertEquals("_queue.Empty", assertInstanceOf(Empty.class, l.get(4)).pythonName());
        assertEquals("", assertInstanceOf(EOFError.class, l.get(5)).getMessage());
    }

    @Test
    void javaExceptionsRoundTrip() {
        BaseException back = (BaseException) roundTrip(new FileNotFoundError(2, "No such file or directory", "f"));
        assertEquals("[Errno 2] No such file or directory: 'f'", back.getMessage());
        assertInstanceOf(ValueError.class, roundTrip(new ValueError("v")));
        BaseException custom = (BaseException) roundTrip(new BaseException("__main__.MyError", "m", null));
        assertEquals("__main__.MyError", custom.pythonName());
        assertEquals("m", custom.getMessage());
    }

    @Test
    void whatHasNoPlainValueIsRefused() {
        assertThrows(TypeError.class, () -> PickleCodec.dumps(new byte[] {1}), "byte[] would be a bytearray");
        assertThrows(TypeError.class, () -> PickleCodec.dumps(List.of(new Object())));
        TypeError e = assertThrows(TypeError.class,
                () -> PickleCodec.loads(HexFormat.of().parseHex("80049509000000000000008f94284b014b02902e")));
        assertTrue(e.getMessage().contains("builtins.set"), e.getMessage());
        BaseException trunc = assertThrows(BaseException.class, () -> PickleCodec.loads(new byte[] {(byte) 0x80, 4, 'K'}));
        assertEquals("_pickle.UnpicklingError", trunc.pythonName());
    }
}

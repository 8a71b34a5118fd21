package dev.pyconc.reference.subprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pyconc.spi.exceptions.LookupError;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.UnicodeDecodeError;
import dev.pyconc.spi.exceptions.UnicodeEncodeError;
import dev.pyconc.spi.exceptions.ValueError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Codec names, error handlers and newline translation, with the results and messages of CPython 3.14. */
class CodecsTest {
    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    @Test
    void namesAndAliases() {
        assertEquals("utf-8", Codecs.lookup("UTF-8").name());
        assertEquals("utf-8", Codecs.lookup("utf8").name());
        assertEquals("ascii", Codecs.lookup("US-ASCII").name());
        assertEquals("latin-1", Codecs.lookup("ISO-8859-1").name());
        assertEquals("latin-1", Codecs.lookup("latin1").name());
        assertEquals(StandardCharsets.UTF_16LE, Codecs.lookup("utf_16_le").charset());
        LookupError e = assertThrows(LookupError.class, () -> Codecs.lookup("bogus"));
        assertEquals("unknown encoding: bogus", e.getMessage());
    }

    @Test
    void utf16WritesALittleEndianBom() {
        assertArrayEquals(b(0xff, 0xfe, 'a', 0), Codecs.encode(Codecs.lookup("utf-16"), null, "a"));
        assertEquals("a", Codecs.decode(Codecs.lookup("utf-16"), null, b(0xfe, 0xff, 0, 'a')));
    }

    @Test
    void strictDecodeMessages() {
        Codecs.Codec utf8 = Codecs.lookup("utf-8");
        UnicodeDecodeError e = assertThrows(UnicodeDecodeError.class, () -> Codecs.decode(utf8, null, b('a', 0xff, 'b')));
        assertEquals("'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", e.getMessage());
        e = assertThrows(UnicodeDecodeError.class, () -> Codecs.decode(utf8, "strict", b(0xe2, 0x28, 0xa1)));
        assertEquals("'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte", e.getMessage());
        e = assertThrows(UnicodeDecodeError.class, () -> Codecs.decode(utf8, null, b('a', 0xe2, 0x82)));
        assertEquals("'utf-8' codec can't decode bytes in position 1-2: unexpected end of data", e.getMessage());
        e = assertThrows(UnicodeDecodeError.class, () -> Codecs.decode(Codecs.lookup("ascii"), null, b(0xe9)));
        assertEquals("'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)", e.getMessage());
        assertEquals(java.util.List.of("builtins.UnicodeDecodeError", "builtins.UnicodeError", "builtins.ValueError",
                "builtins.Exception", "builtins.BaseException"), e.pythonMro());
        assertThrows(ValueError.class, () -> Codecs.decode(utf8, null, b(0xff)), "a ValueError subclass");
    }

    @Test
    void decodeHandlers() {
        Codecs.Codec utf8 = Codecs.lookup("utf-8");
        assertEquals("a\ufffdb", Codecs.decode(utf8, "replace", b('a', 0xff, 'b')));
        assertEquals("ab", Codecs.decode(utf8, "ignore", b('a', 0xff, 'b')));
        assertEquals("a\udcffb", Codecs.decode(utf8, "surrogateescape", b('a', 0xff, 'b')));
        assertEquals("a\\xffb", Codecs.decode(utf8, "backslashreplace", b('a', 0xff, 'b')));
        assertThrows(TypeError.class, () -> Codecs.decode(utf8, "xmlcharrefreplace", b(0xff)));
        LookupError e = assertThrows(LookupError.class, () -> Codecs.decode(utf8, "bogus", b(0xff)));
        assertEquals("unknown error handler name 'bogus'", e.getMessage());
        assertEquals("ok", Codecs.decode(utf8, "bogus", b('o', 'k')), "an unknown handler is noticed only on an error");
    }

    @Test
    void encodeHandlersAndMessages() {
        Codecs.Codec ascii = Codecs.lookup("ascii");
        UnicodeEncodeError e = assertThrows(UnicodeEncodeError.class, () -> Codecs.encode(ascii, null, "\u00e9"));
        assertEquals("'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)",
                e.getMessage());
        e = assertThrows(UnicodeEncodeError.class, () -> Codecs.encode(ascii, null, "a\u00e9\u00e9"));
        assertEquals("'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)",
                e.getMessage());
        assertArrayEquals("a?b".getBytes(), Codecs.encode(ascii, "replace", "a\u00e9b"));
        assertArrayEquals("ab".getBytes(), Codecs.encode(ascii, "ignore", "a\u00e9b"));
        assertArrayEquals("a\\xe9b".getBytes(), Codecs.encode(ascii, "backslashreplace", "a\u00e9b"));
        assertArrayEquals("a&#233;b".getBytes(), Codecs.encode(ascii, "xmlcharrefreplace", "a\u00e9b"));
        assertArrayEquals(b('a', 0xff), Codecs.encode(Codecs.lookup("utf-8"), "surrogateescape", "a\udcff"));
        e = assertThrows(UnicodeEncodeError.class, () -> Codecs.encode(Codecs.lookup("utf-8"), null, "\udcff"));
        assertEquals("'utf-8' codec can't encode character '\\udcff' in position 0: surrogates not allowed",
                e.getMessage());
    }

    @Test
    void incrementalDecodingKeepsSplitSequences() {
        Codecs.Decoder d = new Codecs.Decoder(Codecs.lookup("utf-8"), null);
        byte[] euro = "\u20ac".getBytes(StandardCharsets.UTF_8);
        assertEquals("", d.decode(euro, 0, 1, false));
        assertEquals("", d.decode(euro, 1, 1, false));
        assertEquals("\u20ac", d.decode(euro, 2, 1, true));
    }

    @Test
    void universalNewlines() {
        assertEquals("a\nb\nc\n", Codecs.translateNewlines("a\r\nb\rc\n"));
        Codecs.Newlines n = new Codecs.Newlines();
        // a \r at the end of a chunk waits: the next chunk may start with the \n of the same \r\n
        assertEquals("a", n.feed("a\r", false));
        assertEquals("\nb", n.feed("\nb", false));
        assertEquals("c", n.feed("c\r", false));
        assertEquals("\n", n.feed("", true));
    }

    @Test
    void fsencodeIsUtf8WithSurrogateescape() {
        assertArrayEquals("\u00e9".getBytes(StandardCharsets.UTF_8), Codecs.fsencode("\u00e9"));
        assertArrayEquals(b(0xff), Codecs.fsencode("\udcff"));
    }
}

package dev.pyconc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.BrokenBarrierError;
import dev.pyconc.spi.exceptions.Empty;
import dev.pyconc.spi.exceptions.PyAssertionError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.PyExceptions;
import dev.pyconc.spi.exceptions.RuntimeError;
import dev.pyconc.spi.exceptions.TimeoutError;
import dev.pyconc.spi.exceptions.ValueError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python names of the Java exception classes, and the mapping back from a Python MRO. */
class PyExceptionsTest {

    @Test
    void eachClassNamesItsOwnPythonClass() {
        assertEquals("builtins.Exception", new PyException("x").pythonName());
        assertEquals("builtins.ValueError", new ValueError("x").pythonName());
        assertEquals("builtins.RuntimeError", new RuntimeError("x").pythonName());
        assertEquals("builtins.TimeoutError", new TimeoutError("x").pythonName());
        assertEquals("builtins.AssertionError", new PyAssertionError("x").pythonName());
        assertEquals("threading.BrokenBarrierError", new BrokenBarrierError("x").pythonName());
        assertEquals("queue.Empty", new Empty("x").pythonName());
        assertEquals("builtins.BaseException", new BaseException("x").pythonName());
    }

    @Test
    void unknownClassMapsToNearestKnownBase() {
        BaseException e = PyExceptions.fromPython(List.of("mod.MyError", "builtins.ValueError",
                "builtins.Exception", "builtins.BaseException", "builtins.object"), "boom");
        assertInstanceOf(ValueError.class, e);
        assertEquals("mod.MyError", e.pythonName());
        assertEquals("boom", e.getMessage());
    }

    @Test
    void queueEmptyFromItsCModule() {
        assertInstanceOf(Empty.class, PyExceptions.fromPython(List.of("_queue.Empty", "builtins.Exception"), ""));
    }

    @Test
    void pythonMroOfAJavaMadeExceptionFollowsTheJavaHierarchy() {
        assertEquals(List.of("concurrent.futures.CancelledError", "concurrent.futures.Error", "builtins.Exception",
                "builtins.BaseException"), new dev.pyconc.spi.exceptions.CancelledError("x").pythonMro());
        assertEquals(List.of("threading.BrokenBarrierError", "builtins.RuntimeError", "builtins.Exception",
                "builtins.BaseException"), new BrokenBarrierError("x").pythonMro());
    }

    @Test
    void pythonMroOfAnInterpreterExceptionIsItsOwnInPublicSpellings() {
        BaseException e = PyExceptions.fromPython(List.of("concurrent.futures._base.CancelledError",
                "concurrent.futures._base.Error", "builtins.Exception", "builtins.BaseException"), "");
        assertInstanceOf(dev.pyconc.spi.exceptions.CancelledError.class, e);
        assertEquals("concurrent.futures._base.CancelledError", e.pythonName());
        assertEquals(List.of("concurrent.futures.CancelledError", "concurrent.futures.Error", "builtins.Exception",
                "builtins.BaseException"), e.pythonMro());
        // An interpreter whose class derives elsewhere shows it, whatever the Java class says.
        BaseException odd = PyExceptions.fromPython(List.of("concurrent.futures._base.CancelledError",
                "builtins.Exception", "builtins.BaseException"), "");
        assertEquals(List.of("concurrent.futures.CancelledError", "builtins.Exception", "builtins.BaseException"),
                odd.pythonMro());
    }

    @Test
    void multiprocessingExceptionsFromEitherModuleAndTheirHierarchy() {
        BaseException e = PyExceptions.fromPython(List.of("multiprocessing.context.AuthenticationError",
                "multiprocessing.context.ProcessError", "builtins.Exception", "builtins.BaseException"), "x");
        assertInstanceOf(dev.pyconc.spi.exceptions.AuthenticationError.class, e);
        assertEquals(List.of("multiprocessing.AuthenticationError", "multiprocessing.ProcessError",
                "builtins.Exception", "builtins.BaseException"), e.pythonMro());
        assertEquals(List.of("multiprocessing.BufferTooShort", "multiprocessing.ProcessError", "builtins.Exception",
                "builtins.BaseException"), new dev.pyconc.spi.exceptions.BufferTooShort(
                        dev.pyconc.spi.PyBytes.utf8("ab")).pythonMro());
        assertEquals("b'ab'", new dev.pyconc.spi.exceptions.BufferTooShort(dev.pyconc.spi.PyBytes.utf8("ab"))
                .getMessage());
        assertEquals("builtins.EOFError", new dev.pyconc.spi.exceptions.EOFError("").pythonName());
        assertInstanceOf(dev.pyconc.spi.exceptions.ConnectionRefusedError.class,
                dev.pyconc.spi.exceptions.OSError.forErrno(111, "Connection refused", null));
        assertInstanceOf(dev.pyconc.spi.exceptions.ConnectionResetError.class,
                dev.pyconc.spi.exceptions.OSError.forErrno(104, "Connection reset by peer", null));
    }

    @Test
    void oserrorSubclassByErrno() {
        dev.pyconc.spi.exceptions.OSError e = dev.pyconc.spi.exceptions.OSError.forErrno(17, "File exists", "/psm_x");
        assertInstanceOf(dev.pyconc.spi.exceptions.FileExistsError.class, e);
        assertEquals("builtins.FileExistsError", e.pythonName());
        assertEquals("[Errno 17] File exists: '/psm_x'", e.getMessage());
        assertEquals(List.of("builtins.FileExistsError", "builtins.OSError", "builtins.Exception", "builtins.BaseException"),
                e.pythonMro());
        assertInstanceOf(dev.pyconc.spi.exceptions.FileExistsError.class,
                PyExceptions.fromPython(List.of("builtins.FileExistsError", "builtins.OSError"), "x"));
    }
}

package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;

import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.Sys;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Python's builtins (isinstance, type(obj).__mro__, hasattr, setattr, "is this name a class") and {@code sys}
 * ({@code sys.stderr} captured), through the agent's helpers. Not modules under test: the helpers ignore the
 * module handle they are called on.
 */
final class SysBridge {
    private SysBridge() {}

    static final class BuiltinsImpl extends Proxies.ModuleProxy implements Builtins {
        BuiltinsImpl(Supplier<Session> session) {
            super(session, PyModule.THREADING);
        }

        @Override
        public boolean isinstance(Object obj, String className) {
            return Proxies.bool(invoke("$isinstance", obj, className));
        }

        @Override
        public boolean isClass(String name) {
            return Proxies.bool(invoke("$isclass", name));
        }

        @Override
        public boolean hasattr(Object obj, String name) {
            return Proxies.bool(invoke("$hasattr_of", obj, name));
        }

        @Override
        public void setattr(Object obj, String name, Object value) {
            invoke("$setattr_of", obj, name, value);
        }

        @Override
        public List<String> typeMro(Object obj) {
            List<String> out = new ArrayList<>();
            for (Object o : as(List.class, invoke("$type_mro", obj))) {
                out.add(as(String.class, o));
            }
            return List.copyOf(out);
        }
    }

    /** sys.stderr captured by agent helpers that swap in an io.StringIO. */
    static final class SysImpl extends Proxies.ModuleProxy implements Sys {
        SysImpl(Supplier<Session> session) {
            super(session, PyModule.THREADING);
        }

        @Override
        public String captureStderr(Runnable body) {
            invoke("$stderr_begin");
            Object text;
            try {
                body.run();
            } finally {
                text = invoke("$stderr_end");
            }
            return as(String.class, text);
        }
    }
}

package dev.pyconc.conformance.cpython;

import static dev.pyconc.conformance.cpython.Proxies.as;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.contextvars.Context;
import dev.pyconc.spi.contextvars.ContextVar;
import dev.pyconc.spi.contextvars.ContextVarsModule;
import dev.pyconc.spi.contextvars.Token;
import dev.pyconc.spi.exceptions.AttributeError;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code contextvars} module of the agent's interpreter, and proxies of its objects ("ContextVar", "Token",
 * "Context"). {@code Token.MISSING} is a plain handle (kind "object"): the session's proxy cache gives the same
 * Java object for it within a case, so {@code equals} (identity) compares it.
 *
 * <p>{@code Context.run(javaCallable)} blocks on the calling Java thread's partner; Python calls the callable
 * back on that same Python thread, inside the context, so calls the callable makes run there too.
 */
final class ContextVarsBridge {
    private ContextVarsBridge() {}

    /** A proxy for a handle of one of this module's kinds, or null if {@code kind} is not one of them. */
    static Object proxy(Session s, long hid, String kind) {
        return switch (kind) {
            case "ContextVar" -> new ContextVarProxy(s, hid);
            case "Token" -> new TokenProxy(s, hid);
            case "Context" -> new ContextProxy(s, hid);
            default -> null;
        };
    }

    /** The module. */
    static ContextVarsModule module(Supplier<Session> session) {
        return new Module(session);
    }


    private static List<?> list(Object v) {
        return as(List.class, v);
    }

    private static final class Module implements ContextVarsModule {
        private final Supplier<Session> session;

        Module(Supplier<Session> session) {
            this.session = session;
        }

        private Object call(String fn, Object... args) {
            return session.get().call(Session.handle(PyModule.CONTEXTVARS), fn, false, args);
        }

        @Override
        public ContextVar contextVar(String name) {
            return as(ContextVar.class, call("ContextVar", name));
        }

        @Override
        public ContextVar contextVar(String name, Object defaultValue) {
            return as(ContextVar.class, session.get().call(Session.handle(PyModule.CONTEXTVARS), "$callkw", false, "ContextVar",
                    List.of(name), java.util.Collections.singletonMap("default", defaultValue)));
        }

        @Override
        public Context copyContext() {
            return as(Context.class, call("copy_context"));
        }

        @Override
        public Context context() {
            return as(Context.class, call("Context"));
        }

        /** {@code contextvars.Token.MISSING}, a handle of kind "object". */
        @Override
        public Object missing() {
            Object tokenType = session.get().call(Session.handle(PyModule.CONTEXTVARS), "$getattr", false, "Token");
            return session.get().call(tokenType, "$getattr", false, "MISSING");
        }

        /** {@code sys.flags.thread_inherit_context}; before 3.14 the flag is absent and threads start empty: False. */
        @Override
        public boolean threadInheritContext() {
            try {
                return Proxies.bool(session.get().call(Session.handle(PyModule.CONTEXTVARS), "$modcall", false, "sys",
                        "flags.__getattribute__", List.of("thread_inherit_context")));
            } catch (AttributeError e) {
                return false;
            }
        }
    }

    static final class ContextVarProxy extends Proxies.PyObjectProxy implements ContextVar {
        ContextVarProxy(Session s, long hid) {
            super(s, hid, "ContextVar");
        }

        @Override
        public String name() {
            Object v = attr("name");
            return v == null ? null : v.toString();
        }

        @Override
        public Object get() {
            return call("get");
        }

        @Override
        public Object get(Object defaultValue) {
            return call("get", defaultValue);
        }

        @Override
        public Token set(Object value) {
            return as(Token.class, call("set", value));
        }

        @Override
        public void reset(Token token) {
            call("reset", token);
        }
    }

    static final class TokenProxy extends Proxies.PyObjectProxy implements Token {
        TokenProxy(Session s, long hid) {
            super(s, hid, "Token");
        }

        @Override
        public ContextVar var() {
            return as(ContextVar.class, attr("var"));
        }

        @Override
        public Object oldValue() {
            return attr("old_value");
        }

        /** {@code __enter__} (3.14; AttributeError before), then {@code __exit__(None, None, None)} on close. */
        @Override
        public Held enter() {
            call("__enter__");
            return () -> call("$exit");
        }
    }

    static final class ContextProxy extends Proxies.PyObjectProxy implements Context {
        ContextProxy(Session s, long hid) {
            super(s, hid, "Context");
        }

        /** {@code ctx.run(callable, *args, **kwargs)}: blocking, since the callable may block in Python. */
        @Override
        public Object run(PyCallable callable, List<Object> args, Map<String, Object> kwargs) {
            List<Object> all = new ArrayList<>();
            all.add(callable);
            all.addAll(args);
            return callKw("run", true, all, kwargs);
        }

        @Override
        public Context copy() {
            return as(Context.class, call("copy"));
        }

        @Override
        public boolean contains(ContextVar var) {
            return Proxies.bool(call("__contains__", var));
        }

        @Override
        public Object getItem(ContextVar var) {
            return call("__getitem__", var);
        }

        @Override
        public Object get(ContextVar var) {
            return call("get", var);
        }

        @Override
        public Object get(ContextVar var, Object defaultValue) {
            return call("get", var, defaultValue);
        }

        /** {@code list(ctx)}. */
        @Override
        public List<ContextVar> iterate() {
            return vars(call("$modcall", "builtins", "list", List.of(this)));
        }

        @Override
        public long len() {
            return Proxies.integer(call("__len__"));
        }

        /** {@code list(ctx.keys())}. */
        @Override
        public List<ContextVar> keys() {
            return vars(listOf(call("keys")));
        }

        /** {@code list(ctx.values())}. */
        @Override
        public List<Object> values() {
            return new ArrayList<>(list(listOf(call("values"))));
        }

        /** {@code list(ctx.items())}: each 2-tuple comes as a two-element list. */
        @Override
        public List<Map.Entry<ContextVar, Object>> items() {
            List<Map.Entry<ContextVar, Object>> out = new ArrayList<>();
            for (Object pair : list(listOf(call("items")))) {
                List<?> p = list(pair);
                out.add(new AbstractMap.SimpleImmutableEntry<>(as(ContextVar.class, p.get(0)), p.get(1)));
            }
            return out;
        }

        /** {@code list(iterable)} for a Python iterable the agent returned as a handle. */
        private Object listOf(Object iterable) {
            return call("$modcall", "builtins", "list", List.of(iterable));
        }

        private static List<ContextVar> vars(Object v) {
            List<ContextVar> out = new ArrayList<>();
            for (Object o : list(v)) {
                out.add(as(ContextVar.class, o));
            }
            return out;
        }
    }
}

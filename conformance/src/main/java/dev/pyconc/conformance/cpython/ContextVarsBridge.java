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

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("ContextVar", ContextVarProxy::new, "contextvars.ContextVar"),
            Proxies.Kind.of("Token", TokenProxy::new, "contextvars.Token"),
            Proxies.Kind.of("Context", ContextProxy::new, "contextvars.Context"));

    /** The module. */
    static ContextVarsModule module(Supplier<Session> session) {
        return new Module(session);
    }


    private static List<?> list(Object v) {
        return as(List.class, v);
    }

    private static final class Module extends Proxies.ModuleProxy implements ContextVarsModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.CONTEXTVARS);
        }

        @Override
        public ContextVar contextVar(String name) {
            return as(ContextVar.class, invoke("ContextVar", name));
        }

        @Override
        public ContextVar contextVar(String name, Object defaultValue) {
            return as(ContextVar.class, invokeKw("ContextVar",
                    List.of(name), java.util.Collections.singletonMap("default", defaultValue)));
        }

        @Override
        public Context copyContext() {
            return as(Context.class, invoke("copy_context"));
        }

        @Override
        public Context context() {
            return as(Context.class, invoke("Context"));
        }

        /** {@code contextvars.Token.MISSING}, a handle of kind "object". */
        @Override
        public Object missing() {
            return as(Proxies.PyObjectProxy.class, attr("Token")).attr("MISSING");
        }

        /** {@code sys.flags.thread_inherit_context}; before 3.14 the flag is absent and threads start empty: False. */
        @Override
        public boolean threadInheritContext() {
            try {
                return Proxies.bool(modcall("sys", "flags.__getattribute__", "thread_inherit_context"));
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
            return invoke("get");
        }

        @Override
        public Object get(Object defaultValue) {
            return invoke("get", defaultValue);
        }

        @Override
        public Token set(Object value) {
            return as(Token.class, invoke("set", value));
        }

        @Override
        public void reset(Token token) {
            invoke("reset", token);
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
            invoke("__enter__");
            return heldExit();
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
            return invokeKw("run", all, kwargs);
        }

        @Override
        public Context copy() {
            return as(Context.class, invoke("copy"));
        }

        @Override
        public boolean contains(ContextVar var) {
            return Proxies.bool(invoke("__contains__", var));
        }

        @Override
        public Object getItem(ContextVar var) {
            return invoke("__getitem__", var);
        }

        @Override
        public Object get(ContextVar var) {
            return invoke("get", var);
        }

        @Override
        public Object get(ContextVar var, Object defaultValue) {
            return invoke("get", var, defaultValue);
        }

        /** {@code list(ctx)}. */
        @Override
        public List<ContextVar> iterate() {
            return vars(invoke("$modcall", "builtins", "list", List.of(this)));
        }

        @Override
        public long len() {
            return Proxies.integer(invoke("__len__"));
        }

        /** {@code list(ctx.keys())}. */
        @Override
        public List<ContextVar> keys() {
            return vars(listOf(invoke("keys")));
        }

        /** {@code list(ctx.values())}. */
        @Override
        public List<Object> values() {
            return new ArrayList<>(list(listOf(invoke("values"))));
        }

        /** {@code list(ctx.items())}: each 2-tuple comes as a two-element list. */
        @Override
        public List<Map.Entry<ContextVar, Object>> items() {
            List<Map.Entry<ContextVar, Object>> out = new ArrayList<>();
            for (Object pair : list(listOf(invoke("items")))) {
                List<?> p = list(pair);
                out.add(new AbstractMap.SimpleImmutableEntry<>(as(ContextVar.class, p.get(0)), p.get(1)));
            }
            return out;
        }

        /** {@code list(iterable)} for a Python iterable the agent returned as a handle. */
        private Object listOf(Object iterable) {
            return invoke("$modcall", "builtins", "list", List.of(iterable));
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

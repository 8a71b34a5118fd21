package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyCallable;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.thread.ThreadModule;
import dev.pyconc.spi.thread.UnraisableHook;
import dev.pyconc.spi.thread.UnraisableHookArgs;
import dev.pyconc.spi.threading.Lock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code _thread} module of the agent's interpreter. Its lock objects are of the agent's kind "Lock"
 * (the same type as {@code threading.Lock}), so they come back as the threading module's Lock proxies; this
 * module has no kinds of its own.
 */
final class ThreadBridge {
    private ThreadBridge() {}

    /** This module's kinds: none (its locks are threading's "Lock" kind). */
    static final List<Proxies.Kind> KINDS = List.of();

    /** The module. */
    static ThreadModule module(Supplier<Session> session) {
        return new Module(session);
    }

    private static final class Module extends Proxies.ModuleProxy implements ThreadModule {
        Module(Supplier<Session> session) {
            super(session, PyModule.THREAD);
        }


        /**
         * Calls {@code _thread.start_new_thread} through the agent's {@code $start_new_thread} helper, which
         * leaves out kwargs when null; {@code args} crosses as what it is (a PyTuple as a tuple, a List as a list),
         * so Python itself judges it. The new Python thread calls {@code function} back in Java (on a Java
         * thread of its own, whose calls run on that Python thread).
         */
        @Override
        public long startNewThread(PyCallable function, Object args, Map<String, Object> kwargs) {
            Object r = kwargs == null
                    ? invoke("$start_new_thread", function, args)
                    : invoke("$start_new_thread", function, args, kwargs);
            return Proxies.integer(r);
        }

        /**
         * Sets {@code sys.unraisablehook} through the agent's {@code $set_unraisablehook} helper, which calls
         * the Java hook with (type name, exception, err_msg, object); null restores
         * {@code sys.__unraisablehook__}, as the agent also does at the end of each case.
         */
        @Override
        public void setUnraisableHook(UnraisableHook hook) {
            PyCallable fn = hook == null ? null : (args, kwargs) -> {
                Object value = args.get(1);
                hook.call(new UnraisableHookArgs((String) args.get(0), value instanceof BaseException b ? b : null,
                        (String) args.get(2), args.get(3)));
                return null;
            };
            invoke("$set_unraisablehook", fn);
        }

        @Override
        public Lock allocateLock() {
            return Proxies.as(Lock.class, invoke("allocate_lock"));
        }

        @Override
        public Lock lockType() {
            return Proxies.as(Lock.class, invoke("LockType"));
        }

        @Override
        public long getIdent() {
            return Proxies.integer(invoke("get_ident"));
        }

        @Override
        public long getNativeId() {
            return Proxies.integer(invoke("get_native_id"));
        }

        @Override
        public void exit() {
            invoke("exit");
        }

        @Override
        public void interruptMain() {
            invoke("interrupt_main");
        }

        @Override
        public void interruptMain(long signum) {
            invoke("interrupt_main", signum);
        }

        @Override
        public double timeoutMax() {
            return ((Number) invoke("$getattr", "TIMEOUT_MAX")).doubleValue();
        }

        @Override
        public long stackSize() {
            return Proxies.integer(invoke("stack_size"));
        }

        @Override
        public long stackSize(long size) {
            return Proxies.integer(invoke("stack_size", size));
        }

        /** {@code _thread.error.__mro__} through the agent's {@code $mro} helper (qualified names, no object). */
        @Override
        public List<String> errorMro() {
            Object r = invoke("$mro", "error");
            List<String> out = new ArrayList<>();
            for (Object o : Proxies.as(List.class, r)) {
                out.add((String) o);
            }
            return List.copyOf(out);
        }
    }
}

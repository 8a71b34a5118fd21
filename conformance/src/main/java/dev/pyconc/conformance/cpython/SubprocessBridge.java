package dev.pyconc.conformance.cpython;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyModule;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.FileObject;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code subprocess} module of the agent's interpreter, and proxies of its objects: {@code Popen},
 * {@code CompletedProcess} and the pipes' file objects (any {@code io.IOBase}).
 *
 * <p>The module's functions go through the agent's {@code $subprocess} helper, which passes
 * {@link PopenOptions#kwargs()} as keyword arguments (exactly those given) and marks the case as one that
 * started children: at the case's end the agent kills and reaps every child of its own that appeared during
 * the case and is still there (running, or a zombie nobody waited for), so no child outlives its case. The
 * {@code os} functions run through {@code $modcall} in the agent's process, whose file descriptors the
 * children inherit. The agent's fd 0 is {@code /dev/null} (the protocol reads a copy of it), so a child that
 * inherits stdin cannot read the protocol.
 */
final class SubprocessBridge {
    private SubprocessBridge() {}

    /** This module's kinds (the agent's names for its classes) and their proxies. */
    static final List<Proxies.Kind> KINDS = List.of(
            Proxies.Kind.of("Popen", PopenProxy::new, "subprocess.Popen"),
            Proxies.Kind.of("CompletedProcess", CompletedProcessProxy::new, "subprocess.CompletedProcess"),
            // subprocess imports io; the pipes are BufferedReader/BufferedWriter or TextIOWrapper objects
            Proxies.Kind.of("FileObject", FileObjectProxy::new, "subprocess.io.IOBase"));

    /** The module. */
    static SubprocessModule module(Supplier<Session> session) {
        return new Module(session);
    }

    static final class Module extends Proxies.ModuleProxy implements SubprocessModule {
        private final Os os = new OsFunctions();

        Module(Supplier<Session> session) {
            super(session, PyModule.SUBPROCESS);
        }

        /** {@code subprocess.fn(args, **options)} through the agent's {@code $subprocess} helper. */
        private Object call(String fn, Object args, PopenOptions options) {
            return invoke("$subprocess", fn, List.of(args), options.kwargs());
        }

        @Override
        public CompletedProcess run(Object args, PopenOptions options) {
            return Proxies.as(CompletedProcess.class, call("run", args, options));
        }

        @Override
        public Popen popen(Object args, PopenOptions options) {
            return Proxies.as(Popen.class, call("Popen", args, options));
        }

        @Override
        public long call(Object args, PopenOptions options) {
            return Proxies.integer(call("call", args, options));
        }

        @Override
        public long checkCall(Object args, PopenOptions options) {
            return Proxies.integer(call("check_call", args, options));
        }

        @Override
        public Object checkOutput(Object args, PopenOptions options) {
            return call("check_output", args, options);
        }

        @Override
        public PyTuple getstatusoutput(String cmd) {
            return Proxies.as(PyTuple.class, invoke("$subprocess", "getstatusoutput", List.of(cmd), java.util.Map.of()));
        }

        @Override
        public String getoutput(String cmd) {
            return Proxies.as(String.class, invoke("$subprocess", "getoutput", List.of(cmd), java.util.Map.of()));
        }

        /** {@code encoding=..., errors=...} as keyword arguments, None included (both are keyword-only, 3.11). */
        private static java.util.Map<String, Object> codec(String encoding, String errors) {
            java.util.Map<String, Object> kw = new java.util.LinkedHashMap<>();
            kw.put("encoding", encoding);
            kw.put("errors", errors);
            return kw;
        }

        @Override
        public PyTuple getstatusoutput(String cmd, String encoding, String errors) {
            return Proxies.as(PyTuple.class, invoke("$subprocess", "getstatusoutput", List.of(cmd), codec(encoding, errors)));
        }

        @Override
        public String getoutput(String cmd, String encoding, String errors) {
            return Proxies.as(String.class, invoke("$subprocess", "getoutput", List.of(cmd), codec(encoding, errors)));
        }

        @Override
        public CompletedProcess completedProcess(Object args, long returncode, Object stdout, Object stderr) {
            return Proxies.as(CompletedProcess.class, invoke("CompletedProcess", args, returncode, stdout, stderr));
        }

        @Override
        public Os os() {
            return os;
        }

        /** The agent's {@code os} functions; a class of the module so that its calls carry the module's handle. */
        final class OsFunctions implements Os {
            @Override
            public long open(String path, int flags, int mode) {
                return Proxies.integer(modcall("os", "open", path, (long) flags, (long) mode));
            }

            @Override
            public PyTuple pipe() {
                return Proxies.as(PyTuple.class, modcall("os", "pipe"));
            }

            @Override
            public PyBytes read(long fd, long n) {
                return Proxies.as(PyBytes.class, modcall("os", "read", fd, n));
            }

            @Override
            public long write(long fd, PyBytes data) {
                return Proxies.integer(modcall("os", "write", fd, data));
            }

            @Override
            public void close(long fd) {
                modcall("os", "close", fd);
            }

            @Override
            public void setInheritable(long fd, boolean inheritable) {
                modcall("os", "set_inheritable", fd, inheritable);
            }

            @Override
            public boolean getInheritable(long fd) {
                return Proxies.bool(modcall("os", "get_inheritable", fd));
            }

            @Override
            public long getpid() {
                return Proxies.integer(modcall("os", "getpid"));
            }

            @Override
            public List<String> listdir(String path) {
                List<String> out = new ArrayList<>();
                for (Object o : (List<?>) modcall("os", "listdir", path)) {
                    out.add((String) o);
                }
                return out;
            }
        }
    }

    /** {@code subprocess.Popen}. */
    static final class PopenProxy extends Proxies.PyObjectProxy implements Popen {
        PopenProxy(Session s, long hid) {
            super(s, hid, "Popen");
        }

        @Override
        public Object args() {
            return attr("args");
        }

        @Override
        public long pid() {
            return Proxies.integer(attr("pid"));
        }

        @Override
        public Long returncode() {
            Object v = attr("returncode");
            return v == null ? null : Proxies.integer(v);
        }

        @Override
        public Long poll() {
            Object v = invoke("poll");
            return v == null ? null : Proxies.integer(v);
        }

        @Override
        public long await() {
            return Proxies.integer(invoke("wait"));
        }

        @Override
        public long await(Double timeout) {
            return Proxies.integer(invoke("wait", timeout));
        }

        @Override
        public PyTuple communicate(Object input, Double timeout) {
            return Proxies.as(PyTuple.class, invoke("communicate", input, timeout));
        }

        @Override
        public void sendSignal(int signum) {
            invoke("send_signal", (long) signum);
        }

        @Override
        public void terminate() {
            invoke("terminate");
        }

        @Override
        public void kill() {
            invoke("kill");
        }

        private FileObject stream(String name) {
            Object v = attr(name);
            return v == null ? null : Proxies.as(FileObject.class, v);
        }

        @Override
        public FileObject stdin() {
            return stream("stdin");
        }

        @Override
        public FileObject stdout() {
            return stream("stdout");
        }

        @Override
        public FileObject stderr() {
            return stream("stderr");
        }

        @Override
        public Held enter() {
            invoke("__enter__");
            return heldExit();
        }
    }

    /** {@code subprocess.CompletedProcess}. */
    static final class CompletedProcessProxy extends Proxies.PyObjectProxy implements CompletedProcess {
        CompletedProcessProxy(Session s, long hid) {
            super(s, hid, "CompletedProcess");
        }

        @Override
        public Object args() {
            return attr("args");
        }

        @Override
        public long returncode() {
            return Proxies.integer(attr("returncode"));
        }

        @Override
        public Object stdout() {
            return attr("stdout");
        }

        @Override
        public Object stderr() {
            return attr("stderr");
        }

        @Override
        public void checkReturncode() {
            invoke("check_returncode");
        }
    }

    /** A file object of the agent's {@code io} module: a Popen's pipe. */
    static final class FileObjectProxy extends Proxies.PyObjectProxy implements FileObject {
        FileObjectProxy(Session s, long hid) {
            super(s, hid, "FileObject");
        }

        @Override
        public long write(Object data) {
            return Proxies.integer(invoke("write", data));
        }

        @Override
        public void flush() {
            invoke("flush");
        }

        @Override
        public Object read() {
            return invoke("read");
        }

        @Override
        public Object read(long size) {
            return invoke("read", size);
        }

        @Override
        public Object readline() {
            return invoke("readline");
        }

        @Override
        public void close() {
            invoke("close");
        }

        @Override
        public boolean closed() {
            return Proxies.bool(attr("closed"));
        }

        @Override
        public long fileno() {
            return Proxies.integer(invoke("fileno"));
        }
    }
}

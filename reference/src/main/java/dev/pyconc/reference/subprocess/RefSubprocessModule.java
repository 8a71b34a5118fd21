package dev.pyconc.reference.subprocess;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.exceptions.TypeError;
import dev.pyconc.spi.exceptions.ValueError;
import dev.pyconc.spi.subprocess.CompletedProcess;
import dev.pyconc.spi.subprocess.Os;
import dev.pyconc.spi.subprocess.Popen;
import dev.pyconc.spi.subprocess.PopenOptions;
import dev.pyconc.spi.subprocess.Redirect;
import dev.pyconc.spi.subprocess.SubprocessModule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reference's {@code subprocess} module: {@code run}, {@code call}, {@code check_call},
 * {@code check_output}, {@code getstatusoutput} and {@code getoutput} written as in {@code Lib/subprocess.py}
 * over {@link RefPopen}, plus the {@code os} functions cases use ({@link RefOs}). It keeps the register of
 * children and fds that the adapter cleans up after each case ({@link #cleanUp()}).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
 */
public final class RefSubprocessModule implements SubprocessModule {
    private final Children children = new Children();
    private final RefOs os = new RefOs(children);

    /** Creates the module (loads the C library bindings). */
    public RefSubprocessModule() {
        Posix.errno(); // fail early, at adapter creation, if the native bindings cannot load
    }

    /**
     * The adapter's hygiene step (end of a case, adapter close): every child still running is killed (its
     * process group when it leads one) and reaped, every pipe end and every fd opened through {@link Os} still
     * open is closed.
     */
    public void cleanUp() {
        children.cleanUp();
    }

    @Override
    public Popen popen(Object args, PopenOptions options) {
        return new RefPopen(children, args, options);
    }

    /**
     * {@code run(args, *, input=None, capture_output=False, timeout=None, check=False, **popen_kwargs)}. On
     * TimeoutExpired the child is killed and waited for, and the exception carries the output read so far
     * (bytes even in text mode, as CPython's).
     */
    @Override
    public CompletedProcess run(Object args, PopenOptions options) {
        Map<String, Object> kw = new LinkedHashMap<>(options.kwargs());
        Object input = kw.remove("input");
        boolean captureOutput = RefPopen.truthy(kw.remove("capture_output"));
        Double timeout = seconds(kw.remove("timeout"));
        boolean check = RefPopen.truthy(kw.remove("check"));
        if (input != null) {
            if (kw.get("stdin") != null) {
                throw new ValueError("stdin and input arguments may not both be used.");
            }
            kw.put("stdin", Redirect.PIPE);
        }
        if (captureOutput) {
            if (kw.get("stdout") != null || kw.get("stderr") != null) {
                throw new ValueError("stdout and stderr arguments may not be used with capture_output.");
            }
            kw.put("stdout", Redirect.PIPE);
            kw.put("stderr", Redirect.PIPE);
        }
        RefPopen process = new RefPopen(children, args, kw, "Popen.__init__()");
        Popen.Held held = process.enter();
        PyTuple out;
        try {
            try {
                out = process.communicate(input, timeout);
            } catch (TimeoutExpired exc) {
                process.kill();
                process.await();
                throw exc;
            } catch (RuntimeException | Error e) {
                process.kill();
                throw e;
            }
            long retcode = process.poll();
            if (check && retcode != 0) {
                throw new CalledProcessError(retcode, process.args(), out.get(0), out.get(1));
            }
        } catch (BaseException e) {
            held.exit(e);
            throw e;
        } catch (RuntimeException | Error e) {
            held.exit(null);
            throw e;
        }
        held.exit(null);
        return new RefCompletedProcess(process.args(), process.returncode(), out.get(0), out.get(1));
    }

    /** {@code call(args, *, timeout=None, **popen_kwargs)}: on any exception (TimeoutExpired) the child is killed. */
    @Override
    public long call(Object args, PopenOptions options) {
        Map<String, Object> kw = new LinkedHashMap<>(options.kwargs());
        Double timeout = seconds(kw.remove("timeout"));
        RefPopen p = new RefPopen(children, args, kw, "Popen.__init__()");
        Popen.Held held = p.enter();
        long rc;
        try {
            try {
                rc = p.await(timeout);
            } catch (RuntimeException | Error e) {
                p.kill();
                throw e;
            }
        } catch (BaseException e) {
            held.exit(e);
            throw e;
        } catch (RuntimeException | Error e) {
            held.exit(null);
            throw e;
        }
        held.exit(null);
        return rc;
    }

    @Override
    public long checkCall(Object args, PopenOptions options) {
        long retcode = call(args, options);
        if (retcode != 0) {
            throw new CalledProcessError(retcode, args, null, null);
        }
        return 0;
    }

    @Override
    public Object checkOutput(Object args, PopenOptions options) {
        for (String kw : new String[] {"stdout", "check"}) {
            if (options.has(kw)) {
                throw new ValueError(kw + " argument not allowed, it will be overridden.");
            }
        }
        PopenOptions o = options;
        if (o.has("input") && o.get("input") == null) {
            // input=None used to mean empty input; kept for compatibility, as CPython does
            boolean text = RefPopen.truthy(o.get("universal_newlines")) || RefPopen.truthy(o.get("text"))
                    || RefPopen.truthy(o.get("encoding")) || RefPopen.truthy(o.get("errors"));
            o = o.with("input", text ? "" : PyBytes.empty());
        }
        return run(args, o.stdout(Redirect.PIPE).check(true)).stdout();
    }

    /**
     * {@code getstatusoutput(cmd)}: {@code check_output(cmd, shell=True, text=True, stderr=STDOUT)}; the
     * status is the returncode (3.9+: -N for death by signal N, not the raw wait status).
     */
    @Override
    public PyTuple getstatusoutput(String cmd) {
        return getstatusoutput(cmd, null, null);
    }

    /**
     * {@code getstatusoutput(cmd, encoding=encoding, errors=errors)} (3.11): the output decoded with this codec
     * and error handler (null: None, the locale encoding and strict).
     */
    @Override
    public PyTuple getstatusoutput(String cmd, String encoding, String errors) {
        String data;
        long exitcode;
        PopenOptions o = PopenOptions.defaults().shell(true).text(true).stderr(Redirect.STDOUT)
                .with("encoding", encoding).with("errors", errors);
        try {
            data = (String) checkOutput(cmd, o);
            exitcode = 0;
        } catch (CalledProcessError ex) {
            data = (String) ex.output();
            exitcode = ex.returncode();
        }
        if (data.endsWith("\n")) {
            data = data.substring(0, data.length() - 1);
        }
        return PyTuple.of(exitcode, data);
    }

    @Override
    public String getoutput(String cmd) {
        return getoutput(cmd, null, null);
    }

    /** {@code getoutput(cmd, encoding=encoding, errors=errors)} (3.11): getstatusoutput's output only. */
    @Override
    public String getoutput(String cmd, String encoding, String errors) {
        return (String) getstatusoutput(cmd, encoding, errors).get(1);
    }

    @Override
    public CompletedProcess completedProcess(Object args, long returncode, Object stdout, Object stderr) {
        return new RefCompletedProcess(args, returncode, stdout, stderr);
    }

    @Override
    public Os os() {
        return os;
    }

    private static Double seconds(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new TypeError("'" + RefPopen.typeName(o) + "' object cannot be interpreted as a timeout");
    }
}

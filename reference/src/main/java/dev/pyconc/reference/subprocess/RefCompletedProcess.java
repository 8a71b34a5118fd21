package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.subprocess.CompletedProcess;

/** {@code subprocess.CompletedProcess}: a plain value, as in {@code Lib/subprocess.py}. */
final class RefCompletedProcess implements CompletedProcess {
    private final Object args;
    private final long returncode;
    private final Object stdout;
    private final Object stderr;

    RefCompletedProcess(Object args, long returncode, Object stdout, Object stderr) {
        this.args = args;
        this.returncode = returncode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Object args() {
        return args;
    }

    @Override
    public long returncode() {
        return returncode;
    }

    @Override
    public Object stdout() {
        return stdout;
    }

    @Override
    public Object stderr() {
        return stderr;
    }

    @Override
    public void checkReturncode() {
        if (returncode != 0) {
            throw new CalledProcessError(returncode, args, stdout, stderr);
        }
    }

    /** Python's repr: {@code CompletedProcess(args=['true'], returncode=0, stdout=b'')}; None parts left out. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CompletedProcess(args=").append(repr(args)).append(", returncode=")
                .append(returncode);
        if (stdout != null) {
            sb.append(", stdout=").append(repr(stdout));
        }
        if (stderr != null) {
            sb.append(", stderr=").append(repr(stderr));
        }
        return sb.append(')').toString();
    }

    private static String repr(Object o) {
        if (o instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (o instanceof java.util.List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(o);
    }
}

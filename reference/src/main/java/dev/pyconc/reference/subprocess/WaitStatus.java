package dev.pyconc.reference.subprocess;

import dev.pyconc.spi.exceptions.ValueError;

/**
 * Decodes a {@code waitpid} status the way CPython's {@code Popen._handle_exitstatus} does: a stopped child
 * gives {@code -WSTOPSIG}, otherwise {@code os.waitstatus_to_exitcode}: the exit code of a child that exited,
 * {@code -N} for one killed by signal N. The bit layout is Linux's ({@code <bits/waitstatus.h>}).
 *
 * @see <a href="https://docs.python.org/3/library/os.html#os.waitstatus_to_exitcode">os.waitstatus_to_exitcode</a>
 */
final class WaitStatus {
    private WaitStatus() {}

    /** {@code WIFEXITED(status)}. */
    static boolean exited(int status) {
        return (status & 0x7f) == 0;
    }

    /** {@code WIFSIGNALED(status)}. */
    static boolean signaled(int status) {
        return ((byte) ((status & 0x7f) + 1) >> 1) > 0;
    }

    /** {@code WIFSTOPPED(status)}. */
    static boolean stopped(int status) {
        return (status & 0xff) == 0x7f;
    }

    /**
     * The returncode for a raw wait status: exit code, {@code -signal}, or {@code -stopsignal}.
     *
     * @throws ValueError for a status that is none of these (CPython: {@code invalid wait status})
     */
    static long returncode(int status) {
        if (stopped(status)) {
            return -((status >> 8) & 0xff);
        }
        if (exited(status)) {
            return (status >> 8) & 0xff;
        }
        if (signaled(status)) {
            return -(status & 0x7f);
        }
        throw new ValueError("invalid wait status: " + status);
    }
}

package dev.pyconc.spi.subprocess;

import dev.pyconc.spi.Blocking;
import dev.pyconc.spi.PyTuple;

/**
 * The {@code subprocess} module on POSIX. {@code args} is a {@link String} (a program path, or a command line
 * with {@code shell=True}) or a {@link java.util.List} of Strings (the program and its arguments); see
 * {@link PopenOptions} for the keyword arguments.
 *
 * <p>Every function that starts a child raises, when the program cannot be started: FileNotFoundError (no
 * such program, or cwd missing), PermissionError (not executable), NotADirectoryError (cwd not a directory),
 * as the OSError the child's exec or chdir failed with.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
 */
public interface SubprocessModule {
    /**
     * {@code run(args, **options)}: runs the child, waits for it, and returns what it did.
     *
     * @throws dev.pyconc.spi.exceptions.TimeoutExpired if {@code timeout} passes (the child is killed and
     *     waited for first)
     * @throws dev.pyconc.spi.exceptions.CalledProcessError with {@code check=True} and a non-zero returncode
     * @throws dev.pyconc.spi.exceptions.ValueError for {@code input} with {@code stdin}, or
     *     {@code capture_output} with {@code stdout} or {@code stderr}
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.run">subprocess.run</a>
     */
    @Blocking
    CompletedProcess run(Object args, PopenOptions options);

    /**
     * {@code Popen(args, **options)}: starts the child and returns without waiting.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError for bad combinations (e.g. {@code stdout=STDOUT})
     * @throws dev.pyconc.spi.exceptions.TypeError for a keyword argument Popen does not have
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.Popen">subprocess.Popen</a>
     */
    Popen popen(Object args, PopenOptions options);

    /**
     * {@code call(args, **options)}: runs the child and returns its returncode.
     *
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.call">subprocess.call</a>
     */
    @Blocking
    long call(Object args, PopenOptions options);

    /**
     * {@code check_call(args, **options)}: runs the child; returns 0 or raises CalledProcessError.
     *
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.check_call">subprocess.check_call</a>
     */
    @Blocking
    long checkCall(Object args, PopenOptions options);

    /**
     * {@code check_output(args, **options)}: runs the child and returns its stdout (PyBytes, or String in text
     * mode); a non-zero returncode raises CalledProcessError carrying the output.
     *
     * @throws dev.pyconc.spi.exceptions.ValueError if {@code stdout} is given
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.check_output">subprocess.check_output</a>
     */
    @Blocking
    Object checkOutput(Object args, PopenOptions options);

    /**
     * {@code getstatusoutput(cmd)}: runs {@code cmd} in the shell with stderr merged into stdout; returns
     * {@code (exitcode, output)} with the output decoded and one trailing newline removed.
     *
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.getstatusoutput">subprocess.getstatusoutput</a>
     */
    @Blocking
    PyTuple getstatusoutput(String cmd);

    /**
     * {@code getoutput(cmd)}: as {@link #getstatusoutput} but only the output.
     *
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.getoutput">subprocess.getoutput</a>
     */
    @Blocking
    String getoutput(String cmd);

    /**
     * {@code getstatusoutput(cmd, encoding=encoding, errors=errors)} (3.11): as {@link #getstatusoutput(String)},
     * with the output decoded by this codec and error handler.
     *
     * @param encoding a Python codec name, or null for None (the default)
     * @param errors an error handler name ({@code strict}, {@code replace}, ...), or null for None
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.getstatusoutput">subprocess.getstatusoutput</a>
     */
    @Blocking
    PyTuple getstatusoutput(String cmd, String encoding, String errors);

    /**
     * {@code getoutput(cmd, encoding=encoding, errors=errors)} (3.11): as {@link #getoutput(String)}, with the
     * output decoded by this codec and error handler.
     *
     * @param encoding a Python codec name, or null for None (the default)
     * @param errors an error handler name, or null for None
     * @see <a href="https://docs.python.org/3/library/subprocess.html#subprocess.getoutput">subprocess.getoutput</a>
     */
    @Blocking
    String getoutput(String cmd, String encoding, String errors);

    /**
     * {@code CompletedProcess(args, returncode, stdout, stderr)}: a value made directly, e.g. to call
     * {@code check_returncode} on.
     */
    CompletedProcess completedProcess(Object args, long returncode, Object stdout, Object stderr);

    /** The parts of the implementation's {@code os} module that cases need for file descriptors. */
    Os os();
}

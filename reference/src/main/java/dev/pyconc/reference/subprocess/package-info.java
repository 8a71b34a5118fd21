/**
 * The reference's {@code subprocess} (POSIX, Linux/glibc): CPython 3.14's {@code Lib/subprocess.py} ported
 * over {@code posix_spawn(3)}, so that children of the JVM behave as children of CPython do.
 *
 * <h2>Layering, as in CPython</h2>
 * <table>
 *   <caption>CPython's layers and their counterparts here</caption>
 *   <tr><th>CPython</th><th>here</th></tr>
 *   <tr><td>{@code run}, {@code call}, {@code check_call}, {@code check_output}, {@code getstatusoutput},
 *       {@code getoutput}, {@code CompletedProcess}</td>
 *       <td>{@link dev.pyconc.reference.subprocess.RefSubprocessModule}, {@code RefCompletedProcess}: line by line,
 *       including which argument errors come first and what a timeout does (run kills and waits, then re-raises
 *       with the output so far)</td></tr>
 *   <tr><td>{@code Popen.__init__}, {@code _get_handles}, {@code _execute_child} (argument and PATH handling),
 *       {@code wait}/{@code poll} under {@code _waitpid_lock}, {@code communicate}/{@code _communicate},
 *       {@code send_signal}, {@code __exit__}</td>
 *       <td>{@code RefPopen}</td></tr>
 *   <tr><td>{@code _posixsubprocess.fork_exec} (the child between fork and exec, and the error pipe that carries
 *       {@code OSError:errno:noexec:chdir} back)</td>
 *       <td>{@code Spawner}: one {@code posix_spawn} call with file actions and attributes; glibc reports the
 *       errno of a failed action or exec as posix_spawn's result (vfork-style clone, glibc &ge; 2.24; this is why
 *       CPython itself uses posix_spawn on such systems when it can)</td></tr>
 *   <tr><td>{@code io.open(fd, 'rb'/'wb', bufsize)}, {@code io.TextIOWrapper}</td>
 *       <td>{@code PipeFile} (FileIO, Buffered*, TextIOWrapper behaviour), {@code Codecs} (codec names, error
 *       handlers, universal newlines)</td></tr>
 *   <tr><td>{@code os.pipe}, {@code os.read}, {@code os.waitpid}, {@code os.kill}, ...</td>
 *       <td>the shared jnr-ffi binding {@link dev.pyconc.reference.posix.Posix} (its {@code posix_spawn} part bound on first use)</td></tr>
 * </table>
 *
 * <h2>What posix_spawn does for each option</h2>
 * <ul>
 *   <li><b>program</b>: {@code args} (a String, or a List of Strings/PyBytes; {@code os.fsencode}: UTF-8 with
 *       surrogateescape); {@code shell=True} gives {@code ["/bin/sh", "-c", args...]}; {@code executable}
 *       replaces the program, {@code args[0]} staying argv[0]. A program without a slash is looked up on PATH of
 *       {@code env} when given, else of the JVM's environment, else {@code os.defpath} ({@code /bin:/usr/bin}),
 *       each candidate spawned in turn as {@code _posixsubprocess}'s exec loop does (ENOENT/ENOTDIR: next one;
 *       the first other errno is reported). Candidates the parent can already see missing are skipped.</li>
 *   <li><b>environment</b>: {@code env} is the whole environment ({@code envp}); None passes the process's own
 *       {@code environ}. A name containing {@code =} raises ValueError.</li>
 *   <li><b>streams</b>: PIPE is a {@code pipe2(O_CLOEXEC)} pair, DEVNULL one {@code /dev/null} fd shared by the
 *       streams that ask for it, an fd is checked ({@code F_GETFD}) and used as given, STDOUT (stderr only)
 *       duplicates the child's stdout (the parent's fd 1 when stdout is not redirected). Each becomes a
 *       {@code dup2} file action onto 0, 1, 2; an fd already in place only loses FD_CLOEXEC (a dup2 onto
 *       itself), an fd that an earlier dup2 would overwrite is first moved above 2, as {@code child_exec}
 *       does. The parent closes the child's ends after the spawn.</li>
 *   <li><b>cwd</b>: {@code posix_spawn_file_actions_addchdir_np} (glibc 2.29).</li>
 *   <li><b>close_fds</b> (default True): {@code posix_spawn_file_actions_addclosefrom_np(3)} (glibc 2.34,
 *       {@code close_range}): the JVM has many fds open, some inheritable, and none reaches the child.
 *       <b>pass_fds</b>: each is kept and made inheritable by a dup2 onto itself; the fds between them are closed
 *       one by one, those above the highest by closefrom. pass_fds with close_fds=False logs CPython's
 *       {@code RuntimeWarning: pass_fds overriding close_fds.} and closes anyway.</li>
 *   <li><b>signals</b>: the child always starts with an empty signal mask ({@code POSIX_SPAWN_SETSIGMASK}):
 *       JVM threads block signals (SIGQUIT on Debian's OpenJDK 17) and a mask survives exec, where CPython's
 *       children start with the mask of CPython's main thread, normally empty. {@code restore_signals} (default
 *       True) sets SIGPIPE and SIGXFSZ to SIG_DFL ({@code POSIX_SPAWN_SETSIGDEF}), as
 *       {@code _Py_RestoreSignals}. The JVM catches those two with handlers rather than ignoring them, and exec
 *       resets handled signals anyway, so with {@code restore_signals=False} the child still gets SIG_DFL where
 *       CPython's child would inherit SIG_IGN: a known difference.</li>
 *   <li><b>start_new_session</b>: {@code POSIX_SPAWN_SETSID}; <b>process_group</b>: {@code POSIX_SPAWN_SETPGROUP}
 *       ({@code setpgid(0, pgid)}).</li>
 *   <li><b>pipesize</b>: {@code F_SETPIPE_SZ} on each new pipe.</li>
 * </ul>
 *
 * <h2>Errors from the child</h2>
 * posix_spawn returns one errno and does not say which step failed. CPython tells a failed {@code chdir}
 * (filename: the cwd) from a failed exec (filename: the program as given); here, after a failure with a
 * {@code cwd}, the parent checks whether that directory can be entered ({@code open(O_PATH|O_DIRECTORY)} and
 * {@code access(X_OK)}), and a failure there is reported as the chdir's; otherwise the exec's. Fds given as
 * streams are checked before the spawn (EBADF without filename, as CPython's dup2 failure). The exception is
 * the OSError subclass of the errno ({@link dev.pyconc.spi.exceptions.OSError#forErrno}) with the C library's
 * {@code strerror}: FileNotFoundError, PermissionError, NotADirectoryError, OSError(ENOEXEC). glibc reaps a
 * child whose exec failed, so no zombie is left.
 *
 * <h2>Waiting and signals</h2>
 * {@code waitpid} is only ever called on the child's own pid, never -1 (which would reap the JDK's own
 * children), under a per-Popen lock as CPython's {@code _waitpid_lock}: {@code poll()} does not wait for the
 * lock, {@code wait()} does. {@code wait(timeout)} sleeps in {@code poll(2)} on a pidfd ({@code pidfd_open},
 * Linux 5.3), so it returns as soon as the child exits, where CPython sleeps 1 to 50 ms between WNOHANG polls
 * (its loop remains the fallback). The status is decoded as {@code os.waitstatus_to_exitcode}: the exit code, or
 * -N for death by signal N ({@code WaitStatus}). {@code send_signal} polls first and does nothing once the child
 * is reaped; ESRCH is ignored (bpo-40550).
 *
 * <h2>communicate</h2>
 * As CPython on POSIX: one thread, a {@code poll(2)} loop over the pipes, input written in {@code PIPE_BUF}
 * (4096) byte chunks only when POLLOUT says the pipe has room, so neither side can deadlock with megabytes on
 * stdout and stderr; BrokenPipeError on input is ignored and closes stdin. The output read so far and the input
 * offset are kept on the Popen, so after TimeoutExpired (whose {@code output}/{@code stderr} are the bytes so
 * far, bytes even in text mode, as in CPython) a second {@code communicate()} returns everything. With at most
 * one pipe and no timeout it reads or writes directly (CPython's shortcut). Bytes an earlier {@code read()} left
 * in a binary file object's buffer are handed on rather than lost (CPython loses them).
 *
 * <h2>Text mode</h2>
 * {@code text}, {@code encoding}, {@code errors} or {@code universal_newlines}: streams and output are Strings.
 * Python codec names are mapped to Java charsets and Python's error handlers applied to what the Java coder
 * reports ({@code Codecs}); the default encoding is the locale's ({@code native.encoding}, the C locale
 * counting as UTF-8, as CPython's PEP 538 coercion). An unknown codec raises LookupError when the Popen makes
 * its file objects (before the child starts), an unknown handler only when an error needs it, both as CPython's
 * {@code TextIOWrapper}. Reading translates {@code \r\n} and {@code \r} to {@code \n}; {@code bufsize=1} means
 * line buffering of stdin.
 *
 * <h2>Left out, and why</h2>
 * <ul>
 *   <li>{@code user}, {@code group}, {@code extra_groups}, {@code umask}: they need code in the child between fork
 *       and exec, which posix_spawn does not run (a helper program such as setpriv would report a failed exec as
 *       an exit status instead of an OSError, and has no umask). The adapter lacks
 *       {@link dev.pyconc.spi.Feature#SUBPROCESS_CREDENTIALS} and {@link dev.pyconc.spi.Feature#SUBPROCESS_UMASK},
 *       and giving one of them raises ValueError (never
 *       silently ignored). {@code umask=-1} (unchanged) is accepted.</li>
 *   <li>{@code preexec_fn}: Java cannot run between fork and exec; not in the SPI.</li>
 *   <li>Windows-only arguments (startupinfo, creationflags): not in the SPI.</li>
 *   <li>KeyboardInterrupt handling inside wait/communicate (a real SIGINT to the JVM ends the JVM); the
 *       {@code __exit__} path for a KeyboardInterrupt raised by the body is ported.</li>
 * </ul>
 *
 * <h2>Hygiene</h2>
 * Every fd the package opens is O_CLOEXEC and owned by one object that closes it once: a pipe end by its file
 * object (explicitly, by {@code communicate}, by {@code __exit__}, or by a {@link java.lang.ref.Cleaner} when
 * the file object is collected). The adapter keeps the Popens it started and the fds its {@code os} functions
 * opened ({@code Children}); at the end of each case and when the adapter closes, children still running are
 * killed (SIGKILL to the process group when the child leads one: start_new_session or process_group=0) and
 * reaped, and everything left open is closed.
 *
 * <h2>Cost</h2>
 * The path without pipes starts no thread: a PATH lookup ({@code access(2)} per candidate), one posix_spawn, one
 * blocking {@code waitpid}. Native scratch memory for file actions and attributes is kept per thread. A thread
 * inside a blocking system call of this package is marked, so that {@code Adapter.isBlocked} can tell (from
 * {@code /proc/self/task/TID/stat}) that it sleeps in the kernel.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
 * @see <a href="https://man7.org/linux/man-pages/man3/posix_spawn.3.html">posix_spawn(3)</a>
 */
package dev.pyconc.reference.subprocess;

/**
 * The reference's {@code multiprocessing} processes: CPython 3.14's {@code multiprocessing.process},
 * {@code context} and the {@code spawn} start method's {@code Popen}, where the fresh interpreter is a child JVM.
 *
 * <h2>How a child starts</h2>
 * <ol>
 *   <li>{@link dev.pyconc.reference.multiprocessing.process.RefProcess#start()} pickles a description: the
 *       routine's Python name (a target must be a
 *       {@link dev.pyconc.reference.multiprocessing.process.Routines routine}, else {@code _pickle.PicklingError}),
 *       the args and kwargs with each {@link dev.pyconc.reference.multiprocessing.Reducible} replaced by its
 *       {@link dev.pyconc.reference.multiprocessing.Reduction}, the name, authkey, daemon flag, identity (the
 *       {@code Process-N:M} path) and the parent's pid and name.</li>
 *   <li>{@link dev.pyconc.reference.multiprocessing.process.JvmSpawner} starts {@code $java.home/bin/java} with
 *       fast-start flags and {@code -Xrs} through {@code posix_spawn}: stdin {@code /dev/null}, stdout and stderr
 *       inherited, exactly the reductions' fds plus two pipe ends inherited at their numbers, signals at their
 *       default action and SIGINT blocked.</li>
 *   <li>The parent writes the description to one pipe and keeps the read end of the other as the
 *       {@code sentinel}: only the child holds its write end, so it is ready when the child has exited.</li>
 *   <li>{@link dev.pyconc.reference.multiprocessing.process.ChildMain} reads the description, rebuilds the
 *       arguments ({@link dev.pyconc.reference.multiprocessing.Rebuilders}), sets {@code current_process()} and
 *       {@code parent_process()}, runs the routine and exits with {@code _bootstrap}'s status.</li>
 * </ol>
 *
 * <h2>Exit statuses and signals</h2>
 * Return: 0; {@code SystemExit(None)}: 0; {@code SystemExit(n)}: n; {@code SystemExit(str)}: the text on stderr
 * and 1; an uncaught exception: {@code Process NAME:} and a traceback-like text (Java frames) on stderr, 1.
 * With {@code -Xrs} the JVM leaves SIGTERM and SIGKILL at their default action, so {@code terminate()} gives
 * {@code -15} and {@code kill()} {@code -9}. SIGINT ({@code interrupt()}) is read from a {@code signalfd} and
 * becomes KeyboardInterrupt: exitcode 1 (the routine is not unwound: its finally clauses do not run). The exit
 * code comes from {@code waitpid} on the child's pid only; a pid is signalled only while not yet reaped.
 *
 * <h2>Start methods</h2>
 * Only {@code spawn}: {@code get_all_start_methods()} is {@code ['spawn']}; {@code get_context('fork')} and
 * {@code get_context('forkserver')} raise {@code ValueError('cannot find context for ...')}; the module is
 * CPython's {@code DefaultContext} (global method unset until fixed; {@code set_start_method} once, or with
 * {@code force}); {@code get_context('spawn')} is a {@link dev.pyconc.reference.multiprocessing.process.SpawnContext}
 * whose processes are named {@code SpawnProcess-N}.
 *
 * <h2>Hygiene</h2>
 * The adapter kills and reaps every child a case left, at the end of the case and when it closes
 * ({@link dev.pyconc.reference.multiprocessing.process.RefProcess#cleanUp(Object)}); a JVM shutdown hook
 * terminates the daemonic children still running, as CPython's {@code util._exit_function}, and a child JVM
 * also joins its non-daemonic children before it exits.
 *
 * <h2>Not done</h2>
 * Only the {@code spawn} start method: a JVM cannot fork itself safely, and a forkserver would be a JVM that
 * forks (the same problem), so {@code fork} and {@code forkserver} are features the reference lacks and their
 * cases are NOT_APPLICABLE with that reason. A child cannot be a subclass of {@code Process} with its own
 * {@code run()}: its target is always a named routine ({@link dev.pyconc.spi.multiprocessing.Routine}).
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#the-process-class">The Process class</a>
 */
package dev.pyconc.reference.multiprocessing.process;

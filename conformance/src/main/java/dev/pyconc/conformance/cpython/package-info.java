/**
 * The {@code cpython} adapter: runs the spec's cases against a real Python interpreter over pipes.
 *
 * <h2>Process and protocol</h2>
 * A small agent script ({@code agent.py}, a resource of this package) is written to a private temporary
 * directory and run as {@code python -E -s -u agent.py}. It speaks line-delimited JSON: requests on its stdin,
 * replies on a private copy of its stdout (fd 1 itself is pointed at stderr, so stray output cannot corrupt
 * the protocol); stderr is kept (its last lines) for diagnostics. No sockets. The agent's plumbing uses only
 * {@code _thread}, {@code collections.deque} and file descriptors, never {@code threading} or {@code queue}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>Each Java thread that calls the adapter is paired with one Python thread (its <em>partner</em>,
 *       started with {@code _thread.start_new_thread} on first use); every call from that Java thread runs
 *       there, so ownership (RLock, Condition), {@code threading.local}, {@code current_thread()} and
 *       {@code get_ident()} behave per Java thread. Partners that are idle when a case ends are stopped; a
 *       partner still inside a call is left alone and counted in {@code details()}.</li>
 *   <li>When Python calls a Java callable (Thread target, Timer function, Barrier action, wait_for predicate,
 *       excepthook) on a partner, the partnered Java thread (which is waiting for its own call's reply) runs
 *       it; calls it makes meanwhile go back to the same Python thread, which serves them while it waits for
 *       the callable's result. A Python thread that Python created gets a Java thread created to partner it
 *       until the Python thread ends. Both sides wait on an inbox that delivers either their reply or a new
 *       request.</li>
 *   <li>A reader thread on each side routes messages; the agent's reader also serves the control requests
 *       (hello, thread dump, end of case), so a dump works while partners are stuck.</li>
 *   <li>The interpreter's main thread is a partner too (key {@code m}): it serves the calls of a Java thread
 *       running an {@code Adapter.runInMainThread} body. Python runs signal handlers there, so while it runs
 *       the agent's own code SIGINT's handler only notes the signal, and the real handler runs at the start
 *       of the next call (see {@code agent.py}); a signal no call received is dropped at the end of the
 *       case.</li>
 *   <li>{@code asyncio.run} runs its loop on the calling Java thread's partner. Each Java coroutine body runs on
 *       a Java thread of its own and is stood for in the loop by a driver coroutine that asks the body for its
 *       next await and awaits it; between two awaits the body borrows the loop's partner, so its calls run on
 *       the loop's thread, one body at a time ({@code AsyncioBridge}). A loop left running at the end of a case
 *       is closed (its tasks cancelled) and its bodies unwound before the partners stop.</li>
 * </ul>
 *
 * <h2>Files</h2>
 * One bridge file per Python module ({@code ThreadingBridge}, {@code QueueBridge}, {@code FuturesBridge},
 * {@code SchedBridge}, {@code ThreadBridge}, {@code ContextVarsBridge}): the module, the proxies of its
 * objects, and its kind names (the agent's names for its classes). {@code Proxies} holds what they share: the
 * proxy base classes, the table of every bridge's kinds, and {@code declaredBlocking}, which reads from the SPI
 * ({@link dev.pyconc.spi.Blocking}) whether the method being carried out may wait, so that a proxy method only
 * names the Python call. {@code Codec} is the value codec, the twin of {@code encode}/{@code decode} in
 * {@code agent.py}; {@code AgentProcess} the process and the wire; {@code Session} the pairing of threads and
 * the calls.
 *
 * <h2>Values and errors</h2>
 * Plain values cross by value (a tuple as a {@link dev.pyconc.spi.PyTuple}, a list as a {@code List}; inf and
 * nan are kept). Other objects cross as handles
 * into a per-case table, with one Java proxy per handle so identity is preserved within a case. A Python
 * exception crosses as its MRO and {@code str()} and becomes the nearest SPI exception
 * ({@link dev.pyconc.spi.exceptions.PyExceptions#fromPython}); a Java callable that throws an SPI exception
 * raises the same Python class, any other throwable raises {@code RuntimeError} with the Java text. Bridge
 * failures (process died, no reply within {@code Timing.CASE}, interrupted) are
 * {@link dev.pyconc.conformance.cpython.PythonBridgeException}s, never Python exceptions; after the process
 * dies, every pending and later call fails at once with its exit status and stderr tail, and the next case
 * starts a new process.
 *
 * <h2>What a call costs</h2>
 * A call makes four hand-offs between threads: the calling Java thread writes a line to the agent's stdin; the
 * agent's reader thread parses it and hands it to the caller's partner thread (lock release, then the GIL); the
 * partner runs the call and writes the reply line to stdout; this side's reader thread parses it and hands it to
 * the calling thread. None of them can go: the agent has one stdin, which one thread must read and route while
 * partners are blocked in calls, and a call must run on the caller's own partner; this side has one stdout pipe
 * for every thread's replies. {@link CpythonAdapter#echo} makes exactly those hops with nothing else (the
 * agent's reader hands an {@code echo} line to an echo thread of its own, which writes it back; this side's
 * reader unparks the caller): the bench's pipe floor ({@code BridgeBenchmark}), against which issue 14 asks a
 * round trip of at most twice. Measured hop by hop (CLOCK_MONOTONIC on both sides, a loaded 2-core machine), most
 * of a call's time is the four wake-ups and the two pipe writes, which the floor has too; what a call adds is the
 * stack walk of {@code declaredBlocking} (a few microseconds: it names only the frames of classes that have a
 * method shaped like an SPI method, and caches its answers, but the walk itself stays, as the price of declaring
 * "may block" once in the SPI rather than in every proxy method), the value codec on both sides and the Python
 * call itself (2-3 us each side).
 */
package dev.pyconc.conformance.cpython;

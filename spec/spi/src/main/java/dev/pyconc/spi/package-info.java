/**
 * The adapter SPI: Java interfaces for the Python API surface that pyconc's cases call.
 *
 * <h2>Naming</h2>
 * Python names in lowerCamelCase ({@code task_done} is {@code taskDone}, {@code put_nowait} is
 * {@code putNowait}); Python properties are Java getters/setters ({@code Thread.name} is
 * {@code getName()/setName(String)}). Where a Python name clashes with {@code java.lang.Object} or
 * {@code java.lang}, one mapping is used everywhere:
 * <table>
 * <caption>Python names that clash with java.lang</caption>
 * <tr><th>Python</th><th>Java</th><th>why</th></tr>
 * <tr><td>{@code Condition.wait}, {@code Event.wait}, {@code Barrier.wait}, {@code Popen.wait}</td><td>{@code await}</td>
 *     <td>{@code Object.wait} is final</td></tr>
 * <tr><td>{@code Condition.notify}</td><td>{@code signal}</td><td>{@code Object.notify} is final</td></tr>
 * <tr><td>{@code Condition.notify_all}</td><td>{@code signalAll}</td><td>{@code Object.notifyAll} is final</td></tr>
 * <tr><td>{@code threading.Thread}</td><td>{@code PyThread}</td><td>{@code java.lang.Thread}</td></tr>
 * <tr><td>{@code multiprocessing.Process}</td><td>{@code PyProcess}</td><td>{@code java.lang.Process}</td></tr>
 * <tr><td>{@code multiprocessing.TimeoutError}</td><td>{@code MultiprocessingTimeoutError}</td><td>kept apart from
 *     {@code builtins.TimeoutError}, which it is not</td></tr>
 * <tr><td>{@code asyncio.CancelledError}, {@code asyncio.InvalidStateError}, {@code asyncio.BrokenBarrierError}</td>
 *     <td>{@code AsyncioCancelledError}, {@code AsyncioInvalidStateError}, {@code AsyncioBrokenBarrierError}</td>
 *     <td>kept apart from {@code concurrent.futures}' and {@code threading}'s classes of the same names, which they
 *     are not</td></tr>
 * <tr><td>{@code async with cm: body}</td><td>{@code Coroutine.asyncWith(cm, body)}</td><td>no statement of that
 *     kind in Java</td></tr>
 * <tr><td>{@code AsyncResult.wait}</td><td>{@code await}</td><td>{@code Object.wait} is final</td></tr>
 * <tr><td>module {@code multiprocessing.shared_memory}</td><td>package {@code shared_memory},
 *     {@code PyModule.SHARED_MEMORY}</td><td>no dots in a Java name</td></tr>
 * <tr><td>{@code threading.local}</td><td>{@code Local}</td><td>Java class names are capitalised</td></tr>
 * <tr><td>{@code Exception}, {@code AssertionError}</td><td>{@code PyException}, {@code PyAssertionError}</td>
 *     <td>{@code java.lang.Exception}, {@code java.lang.AssertionError}</td></tr>
 * <tr><td>{@code concurrent.futures.Error}</td><td>{@code FuturesError}</td><td>{@code java.lang.Error}</td></tr>
 * <tr><td>module {@code _thread}</td><td>package {@code thread}, {@code PyModule.THREAD}</td>
 *     <td>Java names do not start with an underscore</td></tr>
 * <tr><td>module {@code concurrent.futures}</td><td>package {@code futures}, {@code PyModule.CONCURRENT_FUTURES}</td>
 *     <td>no dots in a Java name</td></tr>
 * <tr><td>{@code sys.unraisablehook = hook}</td><td>{@code ThreadModule.setUnraisableHook(hook)}</td>
 *     <td>no {@code sys} module in the SPI; {@code _thread} is what sends exceptions there</td></tr>
 * <tr><td>{@code sched.Event}</td><td>{@code SchedEvent}</td><td>kept apart from {@code threading.Event}</td></tr>
 * <tr><td>{@code Context[var]}, {@code var in Context}, {@code iter(Context)}, {@code len(Context)}</td>
 *     <td>{@code getItem}, {@code contains}, {@code iterate}, {@code len}</td><td>operators have no Java names</td></tr>
 * <tr><td>deprecated camelCase aliases ({@code Event.isSet}, {@code Condition.notifyAll},
 *     {@code threading.activeCount}, {@code threading.currentThread}, {@code Thread.getName/setName},
 *     {@code Thread.isDaemon/setDaemon})</td><td>the Python name plus {@code Alias}: {@code isSetAlias},
 *     {@code notifyAllAlias}, {@code activeCountAlias}, {@code currentThreadAlias}, {@code getNameAlias},
 *     {@code setNameAlias}, {@code isDaemonAlias}, {@code setDaemonAlias}</td><td>the plain names are taken by
 *     the snake_case mapping and properties ({@code is_set} is {@code isSet}) or final in {@code Object}
 *     ({@code notifyAll}); such methods are defaults that throw {@code UnsupportedOperationException} until an
 *     adapter implements them</td></tr>
 * <tr><td>{@code iterator.__next__}</td><td>{@code PyIterator.next}</td><td>no look-ahead, unlike
 *     {@code java.util.Iterator}</td></tr>
 * </table>
 *
 * <h2>Defaults and None</h2>
 * Optional Python arguments are Java overloads that follow Python's positional order: leaving an argument
 * out means Python's default. A parameter that Python lets be {@code None} is a boxed Java type and
 * {@code null} means {@code None}. Timeouts are seconds as {@code double}, like Python; invalid values are
 * passed through so that the implementation can raise what Python raises.
 *
 * <h2>Values</h2>
 * Values crossing the SPI (queue items, callable arguments and results, {@code local} attributes) are plain
 * values: {@code null} (None), {@link java.lang.Boolean}, {@link java.lang.Long} (int),
 * {@link java.lang.Double} (float), {@link java.lang.String} (str), {@link dev.pyconc.spi.PyBytes} (bytes: immutable, equal by content),
 * {@link dev.pyconc.spi.PyTuple} (tuple:
 * an immutable {@code List}), any other {@link java.util.List} (list; where an API takes a tuple, such as
 * {@code start_new_thread}'s args, a list stands for it) and {@link java.util.Map} with String keys (dict) of
 * plain values, and the SPI's own objects (a
 * {@code Future} given to a done callback, a {@code ContextVar} in a context's keys). Adapters return these exact Java types;
 * callers should pass them ({@code 1L}, not {@code 1}). An adapter returns a Python tuple as a
 * {@code PyTuple}, which as a Java {@code List} equals a list of the same items, so a case may compare it with
 * {@code List.of(...)}. {@link dev.pyconc.spi.PyValues} gives Python's truthiness, equality and ordering over
 * them (where a tuple and a list are never equal).
 */
package dev.pyconc.spi;

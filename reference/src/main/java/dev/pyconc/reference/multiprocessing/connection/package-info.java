/**
 * The wire layer of the reference's {@code multiprocessing}: CPython 3.14's
 * {@code Lib/multiprocessing/connection.py} ported to Java, speaking its exact wire format, so that a Java end
 * and a CPython end (3.14, and 3.11 with its older handshake) talk to each other. {@code Connection} and
 * {@code Listener} implement the SPI's {@code multiprocessing} interfaces.
 *
 * <h2>How it maps to CPython</h2>
 * <table>
 *   <caption>CPython's parts of connection.py and their counterparts here</caption>
 *   <tr><th>CPython</th><th>here</th></tr>
 *   <tr><td>{@code _ConnectionBase} and the POSIX {@code Connection}: {@code send_bytes}, {@code recv_bytes},
 *       {@code recv_bytes_into}, {@code send}, {@code recv}, {@code poll}, {@code close}, {@code closed},
 *       {@code readable}, {@code writable}; {@code _send_bytes}/{@code _recv_bytes} (the 4-byte big-endian signed
 *       length, and {@code -1} + 8-byte length past {@code 0x7fffffff}); {@code _recv} (EOFError at a message
 *       boundary, {@code got end of file during message} inside one); {@code _bad_message_length}</td>
 *       <td>{@link dev.pyconc.reference.multiprocessing.connection.Connection}, argument checks and messages
 *       line by line</td></tr>
 *   <tr><td>the file descriptor with {@code os.read}/{@code os.write}, and {@code wait([conn], timeout)} for
 *       {@code poll}</td>
 *       <td>{@code Transport}; over sockets {@code SocketTransport}: a non-blocking {@code SocketChannel}
 *       (AF_INET, or AF_UNIX through JDK 16's {@code UnixDomainSocketAddress}) with one selector for reading
 *       and one for writing; over a raw fd ({@code Pipe()}: {@code socketpair} or {@code os.pipe}) {@code FdTransport},
 *       non-blocking {@code read}/{@code write} and sliced {@code poll(2)}</td></tr>
 *   <tr><td>{@code ForkingPickler.dumps}/{@code loads}</td>
 *       <td>{@link dev.pyconc.reference.multiprocessing.connection.PickleCodec}: Python's pickle protocol through
 *       Pyrolite, mapped to the project's plain values (ordered dicts, {@code PyBytes}, {@code PyTuple},
 *       Long/BigInteger, exceptions to the SPI's classes)</td></tr>
 *   <tr><td>{@code deliver_challenge}, {@code answer_challenge}, {@code _get_digest_name_and_payload},
 *       {@code _create_response}, {@code _verify_challenge}</td>
 *       <td>{@link dev.pyconc.reference.multiprocessing.connection.Authentication}: the {@code {sha256}} challenge
 *       of 3.12+ and the legacy raw HMAC-MD5 of 3.11 and before, told apart by length as CPython does; HMAC by
 *       {@code javax.crypto.Mac}</td></tr>
 *   <tr><td>{@code Listener}, {@code SocketListener}, {@code arbitrary_address}, {@code address_type},
 *       {@code _validate_family}</td>
 *       <td>{@link dev.pyconc.reference.multiprocessing.connection.Listener} (AF_UNIX: the socket file and a
 *       {@code pymp-} directory of its own are removed on close)</td></tr>
 *   <tr><td>{@code Client}, {@code SocketClient}</td>
 *       <td>{@link dev.pyconc.reference.multiprocessing.connection.Client#connect}</td></tr>
 *   <tr><td>{@code reduce_connection}/{@code rebuild_connection} (a Connection pickled while no child is being
 *       spawned), with {@code reduction.DupFd}, {@code sendfds}/{@code recvfds}, {@code send_handle}/{@code
 *       recv_handle} and {@code resource_sharer}</td>
 *       <td>{@code PickleCodec} (the same pickle: {@code rebuild_connection(DupFd, readable, writable)}),
 *       {@link dev.pyconc.reference.multiprocessing.connection.FdPassing} ({@code SCM_RIGHTS} by jnr-ffi's
 *       {@code sendmsg}/{@code recvmsg}) and {@link dev.pyconc.reference.multiprocessing.ResourceSharer}; a
 *       child being spawned still inherits fds instead ({@code Reducible})</td></tr>
 * </table>
 *
 * <h2>Python in Java</h2>
 * <ul>
 *   <li>Python names in camel case: {@code send_bytes} is {@code sendBytes}, {@code recv_bytes_into}
 *       {@code recvBytesInto}, {@code last_accepted} {@code lastAccepted()}; default arguments are overloads.</li>
 *   <li>None is null: {@code recv_bytes(maxlength=None)}, {@code send_bytes(buf, offset, size=None)},
 *       {@code poll(None)} (wait for ever), {@code authkey=None} (no handshake).</li>
 *   <li>Timeouts are seconds as a double ({@code poll(0.5)}); zero or less does not wait.</li>
 *   <li>Bytes are {@link dev.pyconc.spi.PyBytes} (also accepted: {@code byte[]} for buffers); addresses are a
 *       {@code (host, port)} {@link dev.pyconc.spi.PyTuple} or a path String; families {@code "AF_INET"},
 *       {@code "AF_UNIX"}.</li>
 *   <li>Errors are the SPI's Python exceptions, with CPython's texts: EOFError, OSError and its errno subclasses
 *       (BrokenPipeError, ConnectionResetError, ConnectionRefusedError, FileNotFoundError; the errno recovered
 *       from the JDK's exception), ValueError, TypeError, {@code multiprocessing.BufferTooShort},
 *       {@code multiprocessing.AuthenticationError}.</li>
 * </ul>
 *
 * <h2>Left out, for now</h2>
 * <ul>
 *   <li>{@code fileno()} and handing to a child, or sending through a Connection, of a socket connection from a
 *       Listener or Client (the JDK does not reveal a channel's fd); {@code Pipe()} connections have both ({@code FdTransport} over
 *       {@link dev.pyconc.reference.posix.Posix}).</li>
 *   <li>AF_PIPE (Windows named pipes) and Linux abstract AF_UNIX names (the JDK cannot bind them:
 *       NotImplementedError).</li>
 *   <li>Pickling beyond the plain values: sets, {@code complex}, {@code bytearray} as its own type (it arrives as
 *       bytes), instances of other classes, out-of-band buffers; exceptions keep their class, message and the
 *       attributes the SPI classes know, not their traceback, cause or notes.</li>
 *   <li>A Connection that occurs twice in one pickled value arrives as two Connections (two fds), not one object
 *       twice (the memo). A Connection pickled by a CPython process and unpickled here (or the reverse) goes
 *       through the same sharer protocol, and needs both processes to have the same authkey, as between CPython
 *       processes; the interop tests do not exercise it.</li>
 *   <li>Messages of 2 GiB or more (Java arrays end there): sending them is impossible, receiving one raises OSError
 *       and leaves the connection unreadable, as a too-long message does.</li>
 *   <li>{@code XmlListener}/{@code XmlClient} and {@code ConnectionWrapper}.</li>
 * </ul>
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.connection">multiprocessing.connection</a>
 */
package dev.pyconc.reference.multiprocessing.connection;

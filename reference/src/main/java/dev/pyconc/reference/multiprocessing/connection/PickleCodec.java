package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.reference.posix.Posix;
import dev.pyconc.reference.multiprocessing.ResourceSharer;
import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.BaseException;
import dev.pyconc.spi.exceptions.CalledProcessError;
import dev.pyconc.spi.exceptions.KeyError;
import dev.pyconc.spi.exceptions.OSError;
import dev.pyconc.spi.exceptions.PyException;
import dev.pyconc.spi.exceptions.PyExceptions;
import dev.pyconc.spi.exceptions.TimeoutExpired;
import dev.pyconc.spi.exceptions.TypeError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.IObjectPickler;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Pickler;
import net.razorvine.pickle.Unpickler;

/**
 * Python's {@code pickle} for the project's plain values, so that what a {@link Connection} sends is what
 * CPython's {@code Connection.send()} sends ({@code ForkingPickler.dumps}) and the reverse. Built on Pyrolite
 * ({@code net.razorvine:pickle}), with its defaults corrected where they differ from the plain values.
 *
 * <table>
 *   <caption>Python types and their Java plain values, both ways</caption>
 *   <tr><th>Python</th><th>Java (decoded)</th><th>Java accepted when encoding</th></tr>
 *   <tr><td>{@code None}</td><td>null</td><td>null</td></tr>
 *   <tr><td>{@code bool}</td><td>Boolean</td><td>Boolean</td></tr>
 *   <tr><td>{@code int}</td><td>Long; BigInteger beyond 64 bits (never Integer)</td>
 *       <td>Long, Integer, Short, Byte, BigInteger</td></tr>
 *   <tr><td>{@code float}</td><td>Double</td><td>Double, Float</td></tr>
 *   <tr><td>{@code str}</td><td>String</td><td>String</td></tr>
 *   <tr><td>{@code bytes} (and {@code bytearray}, which has no plain value of its own)</td>
 *       <td>{@link PyBytes}</td><td>PyBytes (as {@code bytes}; a Java {@code byte[]} is refused, where Pyrolite
 *       alone would make it a {@code bytearray})</td></tr>
 *   <tr><td>{@code tuple}</td><td>{@link PyTuple}</td><td>PyTuple</td></tr>
 *   <tr><td>{@code list}</td><td>a mutable List (ArrayList)</td><td>any other List</td></tr>
 *   <tr><td>{@code dict} (and {@code OrderedDict})</td><td>LinkedHashMap in the pickle's order (Pyrolite alone
 *       gives a HashMap)</td><td>any Map, in its iteration order</td></tr>
 *   <tr><td>an exception</td><td>the SPI's class for it, by {@link PyExceptions#fromPython}</td>
 *       <td>any {@link BaseException}</td></tr>
 *   <tr><td>{@code multiprocessing.connection.Connection}</td><td>a working {@link Connection} over the fd
 *       received from the sending process's resource sharer</td><td>{@link Connection} (an open one; a closed one
 *       raises OSError {@code handle is closed})</td></tr>
 * </table>
 *
 * <p><b>Connections</b> are pickled as CPython's {@code reduce_connection} does when no child is being spawned:
 * {@code rebuild_connection(DupFd, readable, writable)}, the {@code DupFd} holding {@code _id = (address, key)} of
 * a duplicate of the fd registered with this process's {@link ResourceSharer}; unpickling connects to that
 * address and receives the fd by {@code SCM_RIGHTS}. Each pickle is good for one unpickling. (The spawn-time path
 * is {@link dev.pyconc.reference.multiprocessing.Reducible}, by inheritance, and does not come here.)
 *
 * <p>Shared and recursive containers keep their shape both ways (the pickle memo). Anything else (sets,
 * {@code complex}, instances of other classes) is refused: encoding raises TypeError, as Python's
 * {@code cannot pickle 'X' object}; decoding raises TypeError naming the Python class, since the reference has
 * no plain value for it.
 *
 * <p><b>Exceptions.</b> A pickle carries an exception as its class's qualified name and its {@code args}
 * ({@code BaseException.__reduce__}), with its {@code __dict__} as state when it has one. Decoding builds the
 * SPI class of a name {@link PyExceptions} knows, else a plain {@link BaseException} of that name when the name
 * looks like an exception's ({@code ...Error}, {@code ...Exception}, {@code ...Warning}, {@code ...Exit},
 * {@code ...Interrupt}, {@code StopIteration}); its {@code pythonMro()} follows the Java class hierarchy, since a
 * pickle does not carry the MRO. Its message is Python's {@code str(e)} as far as it follows from the args:
 * {@code ''} for none, {@code str(args[0])} for one ({@code repr} for KeyError), {@code repr(args)} for more;
 * {@code [Errno N] strerror: 'filename'} for an OSError and its subclasses, with {@code errno}, {@code strerror},
 * {@code filename}; the subprocess exceptions' own texts from their attributes. Encoding writes
 * {@code module.Name(*args)} with the message as the only arg, except OSError ({@code (errno, strerror[,
 * filename])}), TimeoutExpired ({@code (cmd, timeout, output, stderr)}) and CalledProcessError
 * ({@code (returncode, cmd, output, stderr)}), whose constructors need theirs.
 *
 * <p><b>Protocol.</b> Pyrolite writes protocol 2; {@code bytes} need protocol 3's BINBYTES (protocol 2 would
 * spell them {@code _codecs.encode(str, 'latin1')}), so the header says 3. CPython 3.x reads it. Decoding takes
 * protocols 0-5 (CPython 3.14's {@code ForkingPickler} writes 5, 3.11's writes 4).
 *
 * @see <a href="https://docs.python.org/3/library/pickle.html">pickle</a>
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.send">Connection.send</a>
 */
public final class PickleCodec {
    private PickleCodec() {}

    /**
     * {@code pickle.dumps(value)}, as {@code ForkingPickler.dumps} gives it to {@code send_bytes}.
     *
     * @param value a plain value (see the class comment)
     * @return the pickle
     * @throws TypeError for a value, or a value inside it, that has no Python counterpart here
     */
    public static byte[] dumps(Object value) {
        check(value, new IdentityHashMap<>());
        try {
            byte[] out = new PlainPickler().dumps(value);
            if (out.length >= 2 && (out[0] & 0xff) == Opcodes.PROTO && out[1] == 2) {
                out[1] = 3; // BINBYTES is a protocol 3 opcode; label the pickle honestly
            }
            return out;
        } catch (IOException | PickleException e) {
            throw new TypeError(null, "cannot pickle: " + e.getMessage(), e);
        }
    }

    /**
     * {@code pickle.loads(data)}, as {@code Connection.recv()} does with a received message.
     *
     * @param data a whole pickle
     * @return the plain value
     * @throws PyException {@code _pickle.UnpicklingError} for a pickle that is truncated or malformed
     * @throws TypeError for a pickled object that has no plain value here (a set, an instance of another class)
     */
    public static Object loads(byte[] data) {
        return loads(data, 0, data.length);
    }

    /** {@code pickle.loads(data[offset:offset+length])}; as {@link #loads(byte[])}. */
    public static Object loads(byte[] data, int offset, int length) {
        Object raw;
        try (PlainUnpickler u = new PlainUnpickler()) {
            raw = u.load(new ByteArrayInputStream(data, offset, length));
        } catch (PickleException | IOException | ClassCastException | IndexOutOfBoundsException e) {
            String m = e.getMessage();
            throw new PyException("_pickle.UnpicklingError",
                    e instanceof java.io.EOFException || (m != null && m.contains("premature end"))
                            ? "pickle data was truncated" : "invalid pickle: " + m, e);
        }
        return toPlain(raw, new IdentityHashMap<>());
    }

    // ---------------------------------------------------------------------------------------------- encoding

    private static void check(Object v, IdentityHashMap<Object, Boolean> seen) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger || v instanceof Double || v instanceof Float
                || v instanceof String || v instanceof PyBytes) {
            return;
        }
        if (v instanceof BaseException e) {
            if (e instanceof OSError o && o.errno() != null) {
                check(o.filename(), seen);
            }
            return;
        }
        if (v instanceof Connection) {
            return; // by the resource sharer, at pickling
        }
        if (seen.put(v, Boolean.TRUE) != null) {
            return;
        }
        if (v instanceof List<?> l) {
            for (Object item : l) {
                check(item, seen);
            }
            return;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                check(e.getKey(), seen);
                check(e.getValue(), seen);
            }
            return;
        }
        throw new TypeError("cannot pickle '" + v.getClass().getName() + "' object: not a plain value");
    }

    /** Pyrolite's pickler with the plain values' picklers for bytes, tuples and exceptions. */
    private static final class PlainPickler extends Pickler {
        PlainPickler() {
            super(true, false); // memo by identity, as Python's: equal but distinct lists stay distinct
        }

        @Override
        protected IObjectPickler getCustomPickler(Class<?> t) {
            if (t == PyBytes.class) {
                return PlainPickler::bytes;
            }
            if (t == PyTuple.class) {
                return PlainPickler::tuple;
            }
            if (BaseException.class.isAssignableFrom(t)) {
                return PlainPickler::exception;
            }
            if (t == Connection.class) {
                return PlainPickler::connection;
            }
            return null; // the rest is Pyrolite's: String, BigInteger, Map (in order), List
        }

        private static void bytes(Object o, OutputStream out, Pickler p) throws IOException {
            byte[] b = ((PyBytes) o).toByteArray();
            if (b.length < 256) {
                out.write(Opcodes.SHORT_BINBYTES);
                out.write(b.length);
            } else {
                out.write(Opcodes.BINBYTES);
                out.write(b.length);
                out.write(b.length >>> 8);
                out.write(b.length >>> 16);
                out.write(b.length >>> 24);
            }
            out.write(b);
        }

        private static void tuple(Object o, OutputStream out, Pickler p) throws IOException {
            PyTuple t = (PyTuple) o;
            if (t.isEmpty()) {
                out.write(Opcodes.EMPTY_TUPLE);
                return;
            }
            out.write(Opcodes.MARK);
            for (Object item : t) {
                p.save(item);
            }
            out.write(Opcodes.TUPLE);
        }

        private static void exception(Object o, OutputStream out, Pickler p) throws IOException {
            BaseException e = (BaseException) o;
            String name = e.pythonName();
            int dot = name.lastIndexOf('.');
            String module = dot < 0 ? "builtins" : name.substring(0, dot);
            out.write(Opcodes.GLOBAL);
            out.write((module + "\n" + name.substring(dot + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(Opcodes.MARK);
            for (Object arg : exceptionArgs(e)) {
                p.save(arg);
            }
            out.write(Opcodes.TUPLE);
            out.write(Opcodes.REDUCE);
        }

        /**
         * CPython's {@code reduce_connection}: {@code rebuild_connection(DupFd, readable, writable)}, the DupFd
         * made as {@code copyreg.__newobj__} does ({@code NEWOBJ} of the class, then its {@code __dict__},
         * {@code {'_id': (address, key)}}, by {@code BUILD}). The fd is registered with the resource sharer here.
         */
        private static void connection(Object o, OutputStream out, Pickler p) throws IOException {
            Connection c = (Connection) o;
            boolean readable = c.readable();
            boolean writable = c.writable();
            ResourceSharer.Ident id = ResourceSharer.dupFd((int) c.fileno());
            global(out, "multiprocessing.connection", "rebuild_connection");
            global(out, "multiprocessing.resource_sharer", "DupFd");
            out.write(Opcodes.EMPTY_TUPLE);
            out.write(Opcodes.NEWOBJ);
            out.write(Opcodes.EMPTY_DICT);
            p.save("_id");
            p.save(PyTuple.of(id.address(), id.key()));
            out.write(Opcodes.SETITEM);
            out.write(Opcodes.BUILD);
            p.save(readable);
            p.save(writable);
            out.write(Opcodes.TUPLE3);
            out.write(Opcodes.REDUCE);
        }

        private static void global(OutputStream out, String module, String name) throws IOException {
            out.write(Opcodes.GLOBAL);
            out.write((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        }

        private static List<Object> exceptionArgs(BaseException e) {
            List<Object> args = new ArrayList<>();
            if (e instanceof OSError o && o.errno() != null) {
                args.add(o.errno());
                args.add(o.strerror());
                if (o.filename() != null) {
                    args.add(o.filename());
                }
            } else if (e instanceof TimeoutExpired t && t.cmd() != null) {
                args.addAll(java.util.Arrays.asList(t.cmd(), t.timeout(), t.output(), t.stderr()));
            } else if (e instanceof CalledProcessError c && c.returncode() != null) {
                args.addAll(java.util.Arrays.asList(c.returncode(), c.cmd(), c.output(), c.stderr()));
            } else if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                args.add(e.getMessage());
            }
            return args;
        }
    }

    // ---------------------------------------------------------------------------------------------- decoding

    /** A class named by the pickle (GLOBAL/STACK_GLOBAL); REDUCE and NEWOBJ call it. */
    private record Global(String module, String name) implements IObjectConstructor {
        String qualname() {
            return module + "." + name;
        }

        @Override
        public Object construct(Object[] args) {
            String q = qualname().replace("__builtin__.", "builtins.");
            switch (q) {
                case "_codecs.encode": // protocol < 3: bytes as codecs.encode(latin-1 text, 'latin1')
                    return PyBytes.of(((String) args[0]).getBytes(StandardCharsets.ISO_8859_1));
                case "builtins.bytes":
                case "builtins.bytearray":
                    if (args.length == 0) {
                        return PyBytes.empty();
                    }
                    if (args[0] instanceof byte[] b) {
                        return PyBytes.of(b);
                    }
                    if (args[0] instanceof String s) { // bytearray(latin-1 text, 'latin-1') of protocol 2
                        return PyBytes.of(s.getBytes(StandardCharsets.ISO_8859_1));
                    }
                    return new Instance(q, args);
                case "collections.OrderedDict":
                    return new LinkedHashMap<Object, Object>();
                default:
                    return new Instance(q, args);
            }
        }
    }

    /** An instance of a class without a plain value; an exception when its class is one. */
    private static final class Instance {
        final String qualname;
        final Object[] args;
        Object state;

        Instance(String qualname, Object[] args) {
            this.qualname = qualname;
            this.args = args;
        }
    }

    /** Pyrolite's unpickler with its own classes: ordered dicts and the globals above, nothing registered globally. */
    private static final class PlainUnpickler extends Unpickler implements AutoCloseable {
        @Override
        protected Object dispatch(short key) throws PickleException, IOException {
            switch (key) {
                case Opcodes.EMPTY_DICT -> stack.add(new LinkedHashMap<Object, Object>());
                case Opcodes.DICT -> {
                    List<Object> items = stack.pop_all_since_marker();
                    LinkedHashMap<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        m.put(items.get(i), items.get(i + 1));
                    }
                    stack.add(m);
                }
                case Opcodes.SETITEMS -> { // Pyrolite gathers the items in a HashMap first, losing their order
                    List<Object> items = stack.pop_all_since_marker();
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> m = (Map<Object, Object>) stack.peek();
                    for (int i = 0; i + 1 < items.size(); i += 2) {
                        m.put(items.get(i), items.get(i + 1));
                    }
                }
                case Opcodes.SETITEM -> {
                    Object value = stack.pop();
                    Object k = stack.pop();
                    @SuppressWarnings("unchecked")
                    Map<Object, Object> m = (Map<Object, Object>) stack.peek();
                    m.put(k, value);
                }
                case Opcodes.GLOBAL -> {
                    String module = PickleUtils.readline(input);
                    String name = PickleUtils.readline(input);
                    stack.add(new Global(module, name));
                }
                case Opcodes.STACK_GLOBAL -> {
                    Object name = stack.pop();
                    Object module = stack.pop();
                    stack.add(new Global(String.valueOf(module), String.valueOf(name)));
                }
                case Opcodes.BUILD -> {
                    Object state = stack.pop();
                    if (stack.peek() instanceof Instance i) {
                        i.state = state;
                    } else if (!(stack.peek() instanceof Map<?, ?>)) { // OrderedDict's state is None or {}
                        throw new PickleException("BUILD on " + stack.peek().getClass().getName());
                    }
                }
                case Opcodes.INST, Opcodes.OBJ -> throw new PickleException("protocol 0/1 instances are not supported");
                default -> {
                    return super.dispatch(key);
                }
            }
            return NO_RETURN_VALUE;
        }
    }

    private static Object toPlain(Object raw, IdentityHashMap<Object, Object> done) {
        if (raw == null || raw instanceof Boolean || raw instanceof Long || raw instanceof Double
                || raw instanceof String || raw instanceof PyBytes) {
            return raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof byte[] b) {
            return PyBytes.of(b);
        }
        Object known = done.get(raw);
        if (known != null) {
            return known;
        }
        if (raw instanceof Object[] items) {
            Object[] out = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = toPlain(items[i], done);
            }
            PyTuple t = PyTuple.of(out);
            done.put(raw, t);
            return t;
        }
        if (raw instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            done.put(raw, out);
            for (Object item : l) {
                out.add(toPlain(item, done));
            }
            return out;
        }
        if (raw instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            done.put(raw, out);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(toPlain(e.getKey(), done), toPlain(e.getValue(), done));
            }
            return out;
        }
        if (raw instanceof Instance i && i.qualname.equals(REBUILD_CONNECTION)) {
            Connection c = rebuildConnection(i);
            done.put(raw, c);
            return c;
        }
        if (raw instanceof Instance i && looksLikeException(i.qualname)) {
            BaseException e = toException(i, done);
            done.put(raw, e);
            return e;
        }
        String what = raw instanceof Instance i ? i.qualname
                : raw instanceof Set<?> ? "builtins.set" : raw instanceof Global g ? "the class " + g.qualname()
                : raw.getClass().getName();
        throw new TypeError("a pickled '" + what + "' has no plain value in the reference");
    }

    private static final String REBUILD_CONNECTION = "multiprocessing.connection.rebuild_connection";

    /** {@code rebuild_connection(df, readable, writable)}: {@code Connection(df.detach(), readable, writable)}. */
    private static Connection rebuildConnection(Instance i) {
        if (i.args.length == 3 && i.args[0] instanceof Instance df
                && df.qualname.equals("multiprocessing.resource_sharer.DupFd") && df.state instanceof Map<?, ?> st
                && st.get("_id") instanceof Object[] id && id.length == 2 && id[0] instanceof String address
                && id[1] instanceof Number key && i.args[1] instanceof Boolean readable
                && i.args[2] instanceof Boolean writable) {
            int fd = ResourceSharer.detach(address, key.longValue());
            try {
                return Connection.ofFd(fd, readable, writable);
            } catch (RuntimeException e) {
                Posix.C.close(fd);
                throw e;
            }
        }
        throw new TypeError("a pickled '" + REBUILD_CONNECTION + "' call has arguments the reference does not know");
    }

    private static boolean looksLikeException(String qualname) {
        if (PyExceptions.isKnown(qualname)) {
            return true;
        }
        String simple = qualname.substring(qualname.lastIndexOf('.') + 1);
        return simple.endsWith("Error") || simple.endsWith("Exception") || simple.endsWith("Warning")
                || simple.endsWith("Exit") || simple.endsWith("Interrupt") || simple.equals("StopIteration")
                || simple.equals("StopAsyncIteration");
    }

    private static BaseException toException(Instance i, IdentityHashMap<Object, Object> done) {
        List<Object> args = new ArrayList<>();
        for (Object a : i.args) {
            args.add(toPlain(a, done));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (toPlain(i.state, done) instanceof Map<?, ?> state) {
            state.forEach((k, v) -> attrs.put(String.valueOf(k), v));
        }
        BaseException probe = javaMade(PyExceptions.fromPython(List.of(i.qualname), ""), i.qualname);
        String message;
        if (probe instanceof OSError && args.size() >= 2 && args.size() <= 5 && args.get(0) instanceof Long errno) {
            Object strerror = args.get(1);
            Object filename = args.size() > 2 ? args.get(2) : null;
            Object filename2 = args.size() > 4 ? args.get(4) : null;
            message = "[Errno " + errno + "] " + PyRepr.str(strerror)
                    + (filename == null ? "" : ": " + PyRepr.repr(filename)
                            + (filename2 == null ? "" : " -> " + PyRepr.repr(filename2)));
            attrs.put("errno", errno);
            attrs.put("strerror", strerror);
            attrs.put("filename", filename);
        } else if (probe instanceof TimeoutExpired && attrs.get("timeout") instanceof Number t) {
            message = new TimeoutExpired(attrs.get("cmd"), t.doubleValue(), null, null).getMessage();
            attrs.put("stdout", attrs.get("output"));
        } else if (probe instanceof CalledProcessError && attrs.get("returncode") instanceof Long rc) {
            message = new CalledProcessError(rc, attrs.get("cmd"), null, null).getMessage();
            attrs.put("stdout", attrs.get("output"));
        } else if (probe instanceof KeyError && args.size() == 1) {
            message = PyRepr.repr(args.get(0));
        } else {
            message = args.isEmpty() ? "" : args.size() == 1 ? PyRepr.str(args.get(0)) : PyRepr.repr(PyTuple.copyOf(args));
        }
        return PyExceptions.fromPython(probe.pythonMro(), message, attrs);
    }

    /**
     * The same Java class made in Java with the given Python name, whose {@code pythonMro()} is that name and
     * then the Java hierarchy's names (an exception from {@code fromPython} keeps only the MRO it was given).
     */
    private static BaseException javaMade(BaseException e, String qualname) {
        try {
            return e.getClass().getConstructor(String.class, String.class, Throwable.class)
                    .newInstance(qualname, "", null);
        } catch (ReflectiveOperationException | RuntimeException x) {
            return e;
        }
    }
}

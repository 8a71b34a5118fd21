package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.PyTuple;
import dev.pyconc.spi.exceptions.NotImplementedError;
import dev.pyconc.spi.exceptions.ValueError;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.security.SecureRandom;
import java.util.List;

/** CPython's {@code address_type}, {@code _validate_family} and the conversions to and from Java's socket addresses. */
final class Addresses {
    /** {@code families} on POSIX. */
    static final List<String> FAMILIES = List.of("AF_INET", "AF_UNIX");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";

    private Addresses() {}

    /** {@code address_type(address)}: AF_INET for a tuple, AF_PIPE for a {@code \\} path, AF_UNIX for another string. */
    static String type(Object address) {
        if (address instanceof List<?>) {
            return "AF_INET";
        }
        if (address instanceof String s) {
            return s.startsWith("\\\\") ? "AF_PIPE" : "AF_UNIX";
        }
        throw new ValueError("address type of " + PyRepr.repr(address) + " unrecognized");
    }

    /** {@code _validate_family}, and the AttributeError CPython would meet for another name, as ValueError. */
    static void validateFamily(String family) {
        if (family.equals("AF_PIPE")) {
            throw new ValueError("Family AF_PIPE is not recognized.");
        }
        if (!FAMILIES.contains(family)) {
            throw new ValueError("unrecognized family");
        }
    }

    /** Python address to Java's: {@code (host, port)} to InetSocketAddress, a path to UnixDomainSocketAddress. */
    static SocketAddress toSocketAddress(String family, Object address) {
        if (family.equals("AF_INET")) {
            if (!(address instanceof List<?> l) || l.size() != 2 || !(l.get(0) instanceof String host)
                    || !(l.get(1) instanceof Number port)) {
                throw new ValueError("AF_INET address must be a pair (host, port), not " + PyRepr.repr(address));
            }
            return new InetSocketAddress(host, port.intValue());
        }
        if (!(address instanceof String path)) {
            throw new ValueError("AF_UNIX address must be a str, not " + PyRepr.repr(address));
        }
        if (path.startsWith("\0")) {
            throw new NotImplementedError("Linux abstract socket names are not supported by the JDK (" + PyRepr.repr(path) + ")");
        }
        return UnixDomainSocketAddress.of(path);
    }

    /** Java address to Python's: {@code (host, port)} with the numeric host, or the path ({@code ''} when unnamed). */
    static Object fromSocketAddress(SocketAddress a) {
        if (a instanceof InetSocketAddress i) {
            String host = i.getAddress() != null ? i.getAddress().getHostAddress() : i.getHostString();
            return PyTuple.of(host, (long) i.getPort());
        }
        if (a instanceof UnixDomainSocketAddress u) {
            return u.getPath().toString();
        }
        return a == null ? null : a.toString();
    }

    /** Eight characters as {@code tempfile}'s names have them. */
    static String randomName() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }
}

package dev.pyconc.reference.multiprocessing.connection;

import dev.pyconc.spi.PyBytes;
import dev.pyconc.spi.exceptions.AuthenticationError;
import dev.pyconc.spi.exceptions.ValueError;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authkey handshake of {@code multiprocessing.connection}: CPython 3.14's {@code deliver_challenge} and
 * {@code answer_challenge}, whose protocol description (in {@code connection.py}) this follows step by step.
 *
 * <p>The serving side sends {@code #CHALLENGE#} + {@code {sha256}} + 40 random bytes; the other side answers
 * {@code {sha256}} + HMAC-SHA256(authkey, everything after {@code #CHALLENGE#}) and gets {@code #WELCOME#} or
 * {@code #FAILURE#}. {@code Listener.accept()} delivers, then answers; {@code Client()} answers, then delivers.
 *
 * <p><b>The legacy form</b> (CPython up to 3.11): a challenge of exactly 20 random bytes without a prefix, and
 * a raw 16-byte HMAC-MD5 answer. A modern side tells it by those lengths: it answers a 20-byte challenge with
 * raw HMAC-MD5, and accepts a 16-byte answer as HMAC-MD5 of its own (prefixed) challenge, which is what a
 * 3.11 client computes. So this class talks to 3.11 both ways, as CPython 3.12+ does. The digests accepted in
 * a prefix are md5, sha256, sha384, sha3_256 and sha3_384 ({@code _ALLOWED_DIGESTS}).
 *
 * <p>HMAC is {@code javax.crypto.Mac}. An empty authkey ({@code b''}, which CPython accepts) is given to it as
 * one zero byte: HMAC pads a key with zeros to the block size, so both are the same key, and
 * {@code SecretKeySpec} refuses an empty one.
 *
 * @see <a href="https://docs.python.org/3/library/multiprocessing.html#multiprocessing-auth-keys">Authentication keys</a>
 */
public final class Authentication {
    /** {@code MESSAGE_LENGTH}: random bytes in a modern challenge. */
    static final int MESSAGE_LENGTH = 40;
    static final byte[] CHALLENGE = ascii("#CHALLENGE#");
    static final byte[] WELCOME = ascii("#WELCOME#");
    static final byte[] FAILURE = ascii("#FAILURE#");
    /** {@code _MD5ONLY_MESSAGE_LENGTH}, {@code _MD5_DIGEST_LEN}. */
    static final int MD5ONLY_MESSAGE_LENGTH = 20;
    static final int MD5_DIGEST_LEN = 16;
    /** {@code _ALLOWED_DIGESTS}: Python's hashlib names to the JDK's HMAC algorithms. */
    private static final Map<String, String> ALLOWED_DIGESTS = Map.of("md5", "HmacMD5", "sha256", "HmacSHA256",
            "sha384", "HmacSHA384", "sha3_256", "HmacSHA3-256", "sha3_384", "HmacSHA3-384");
    private static final int MAX_DIGEST_LEN = 8; // len(b'sha3_256')
    private static final SecureRandom RANDOM = new SecureRandom();

    private Authentication() {}

    /** {@code deliver_challenge(connection, authkey)} with the default digest, sha256. */
    public static String deliverChallenge(Connection connection, PyBytes authkey) {
        return deliverChallenge(connection, authkey, "sha256");
    }

    /**
     * {@code deliver_challenge(connection, authkey, digest_name='sha256')}: the serving side's half. Sends the
     * challenge, checks the answer, and sends {@code #WELCOME#} or {@code #FAILURE#}.
     *
     * @param digestName the digest to ask for, one of md5, sha256, sha384, sha3_256, sha3_384
     * @return the digest of the answer that was accepted: the one asked for, another allowed one the peer chose,
     *     or {@code md5} for a legacy peer's raw answer (CPython returns None; this is for tests and logs)
     * @throws AuthenticationError the answer was wrong ({@code digest received was wrong}), of the wrong length,
     *     or named an unsupported digest; {@code #FAILURE#} has been sent
     * @throws ValueError {@code Authkey must be bytes, not <class 'NoneType'>} for a null key
     * @throws dev.pyconc.spi.exceptions.OSError {@code bad message length} for an answer over 256 bytes; the
     *     connection's errors
     * @throws dev.pyconc.spi.exceptions.EOFError the other side closed
     */
    public static String deliverChallenge(Connection connection, PyBytes authkey, String digestName) {
        byte[] key = key(authkey);
        byte[] random = new byte[MESSAGE_LENGTH];
        RANDOM.nextBytes(random);
        byte[] message = concat(ascii("{" + digestName + "}"), random);
        connection.sendBytes(concat(CHALLENGE, message));
        byte[] response = connection.recvBytes(256).toByteArray(); // reject large message
        String used;
        try {
            used = verifyChallenge(key, message, response);
        } catch (AuthenticationError e) {
            connection.sendBytes(FAILURE);
            throw e;
        }
        connection.sendBytes(WELCOME);
        return used;
    }

    /**
     * {@code answer_challenge(connection, authkey)}: the connecting side's half. Receives the challenge, sends
     * the HMAC of it (raw HMAC-MD5 to a legacy 20-byte challenge) and expects {@code #WELCOME#}.
     *
     * @return the digest of the answer sent: the challenge's, or {@code md5} (raw) to a legacy challenge (CPython
     *     returns None; this is for tests and logs)
     * @throws AuthenticationError {@code Protocol error, expected challenge: message=b'...'};
     *     {@code challenge too short: N bytes}; an unsupported digest prefix; {@code digest sent was rejected}
     *     (the other side has a different key)
     * @throws ValueError for a null key
     * @throws dev.pyconc.spi.exceptions.OSError {@code bad message length} for a message over 256 bytes
     * @throws dev.pyconc.spi.exceptions.EOFError the other side closed
     */
    public static String answerChallenge(Connection connection, PyBytes authkey) {
        byte[] key = key(authkey);
        byte[] message = connection.recvBytes(256).toByteArray(); // reject large message
        if (!startsWith(message, CHALLENGE)) {
            throw new AuthenticationError("Protocol error, expected challenge: message=" + PyRepr.bytes(message));
        }
        message = Arrays.copyOfRange(message, CHALLENGE.length, message.length);
        if (message.length < MD5ONLY_MESSAGE_LENGTH) {
            throw new AuthenticationError("challenge too short: " + message.length + " bytes");
        }
        connection.sendBytes(createResponse(key, message));
        byte[] response = connection.recvBytes(256).toByteArray(); // reject large message
        if (!Arrays.equals(response, WELCOME)) {
            throw new AuthenticationError("digest sent was rejected");
        }
        String digest = digestName(message);
        return digest.isEmpty() ? "md5" : digest;
    }

    private static byte[] key(PyBytes authkey) {
        if (authkey == null) {
            throw new ValueError("Authkey must be bytes, not <class 'NoneType'>");
        }
        byte[] k = authkey.toByteArray();
        return k.length == 0 ? new byte[1] : k;
    }

    /** {@code _get_digest_name_and_payload}: ("", message) for the legacy lengths, else the prefix's digest. */
    static String digestName(byte[] message) {
        if (message.length == MD5ONLY_MESSAGE_LENGTH || message.length == MD5_DIGEST_LEN) {
            return "";
        }
        if (message.length > 0 && message[0] == '{') {
            int limit = Math.min(message.length, MAX_DIGEST_LEN + 2);
            for (int curly = 1; curly < limit; curly++) {
                if (message[curly] == '}') {
                    String digest = new String(message, 1, curly - 1, StandardCharsets.ISO_8859_1);
                    if (ALLOWED_DIGESTS.containsKey(digest)) {
                        return digest;
                    }
                    break;
                }
            }
        }
        throw new AuthenticationError("unsupported message length, missing digest prefix, or unsupported digest: "
                + "message=" + PyRepr.bytes(message));
    }

    /** {@code _create_response}: raw HMAC-MD5 to a legacy challenge, else {@code {digest}} + HMAC of the whole message. */
    static byte[] createResponse(byte[] key, byte[] message) {
        String digest = digestName(message);
        if (digest.isEmpty()) {
            return hmac(key, message, "md5");
        }
        return concat(ascii("{" + digest + "}"), hmac(key, message, digest));
    }

    /** {@code _verify_challenge}: the answer's digest (md5 for an unprefixed one) over our whole message. */
    static String verifyChallenge(byte[] key, byte[] message, byte[] response) {
        String digest = digestName(response);
        byte[] mac = response;
        if (digest.isEmpty()) {
            digest = "md5";
        } else {
            mac = Arrays.copyOfRange(response, digest.length() + 2, response.length);
        }
        byte[] expected = hmac(key, message, digest);
        if (expected.length != mac.length) {
            throw new AuthenticationError("expected '" + digest + "' of length " + expected.length + " got "
                    + mac.length);
        }
        if (!MessageDigest.isEqual(expected, mac)) {
            throw new AuthenticationError("digest received was wrong");
        }
        return digest;
    }

    static byte[] hmac(byte[] key, byte[] message, String digest) {
        String algorithm = ALLOWED_DIGESTS.get(digest);
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new AuthenticationError(null, "response_digest='" + digest + "' unsupported", e);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

# The CPython side of MultiprocessingConnectionInteropTest, run as `python -c <this> ROLE ADDRESS KEY`.
# ROLE: "client" connects to ADDRESS (JSON: a [host, port] pair or a path); "listener" listens at ADDRESS
# (JSON null: an arbitrary one, the family being argv[4]) and prints "ADDRESS <json>" on stdout first.
# KEY: the authkey in hex, or "-" for None. Exit status: 0 the session passed, 3 AuthenticationError (its text
# on stdout as "AUTH <message>"), 1 anything else (traceback on stderr).
import json
import multiprocessing
import sys
from multiprocessing.connection import Client, Listener

role, address, key = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
authkey = None if key == "-" else bytes.fromhex(key)
if isinstance(address, list):
    address = tuple(address)


def values():
    # Every plain type; the Java side builds the same list (InteropValues).
    return [None, True, False, 0, -1, 2**62, -(2**63), 2**100, -(2**70), 1.5, -0.25, "", "h\u00e9llo \u20ac\U0001d11e",
            bytes(range(256)), b"", (), (1,), (1, "a", None), [], [1, [2, (3,)]],
            {"z": 1, "a": 2.5, "m": [b"x", ("t",)]}, {}]


def check(got, want, path="v"):
    if type(got) is not type(want):
        return f"{path}: {type(got).__name__} {got!r} is not {type(want).__name__} {want!r}"
    if isinstance(want, (list, tuple)):
        if len(got) != len(want):
            return f"{path}: length {len(got)} != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            r = check(g, w, f"{path}[{i}]")
            if r:
                return r
        return None
    if isinstance(want, dict):
        if list(got) != list(want):
            return f"{path}: keys {list(got)} != {list(want)} (order counts)"
        for k in want:
            r = check(got[k], want[k], f"{path}[{k!r}]")
            if r:
                return r
        return None
    return None if got == want else f"{path}: {got!r} != {want!r}"


def session(conn):
    # 1. values, exceptions, big messages and a too-long message from Python to Java
    conn.send(values())
    conn.send([ValueError("bad"), FileNotFoundError(2, "No such file or directory", "x"), KeyError("k"),
               multiprocessing.AuthenticationError("a"), EOFError()])
    conn.send_bytes(bytes(range(256)) * 400)             # 100 KiB message
    conn.send([bytes(range(256)) * 300, "s" * 70000])   # > 64 KiB pickle
    conn.send_bytes(b"0123456789" * 10)                  # Java receives it into 10 bytes: BufferTooShort
    # 2. the same values back from Java, as Java pickled them
    conn.send(check(conn.recv(), values()) or "ok")
    # 3. exceptions Java made
    e = conn.recv()
    got = [(type(x).__name__, str(x)) for x in e]
    want = [("ValueError", "v"), ("FileNotFoundError", "[Errno 2] No such file or directory: 'f'"),
            ("AuthenticationError", "a"), ("KeyError", "'k'")]
    conn.send("ok" if got == want else f"exceptions {got} != {want}")
    # 4. a big message from Java, and an echo of whatever Java sends next
    data = conn.recv_bytes()
    conn.send("ok" if data == bytes(range(256)) * 1200 else f"big message of {len(data)} bytes differs")
    conn.send(conn.recv())
    conn.send(sys.version_info[:2])


try:
    if role == "client":
        conn = Client(address, authkey=authkey)
    else:
        family = sys.argv[4] if len(sys.argv) > 4 else None
        with Listener(address, family=family, authkey=authkey) as listener:
            a = listener.address
            print("ADDRESS", json.dumps(list(a) if isinstance(a, tuple) else a), flush=True)
            conn = listener.accept()
    with conn:
        session(conn)
except multiprocessing.AuthenticationError as e:
    print("AUTH", e, flush=True)
    sys.exit(3)

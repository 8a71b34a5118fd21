# pyconc agent: runs the cpython adapter's calls inside a real Python interpreter.
#
# Protocol: one JSON object per line on stdin (from Java) and stdout (to Java); stderr is for diagnostics.
# The agent's own plumbing stands only on _thread, collections.deque and raw file descriptors, never on
# threading or queue, which are what the cases test.
#
# Java -> agent:
#   {"op":"call","id":N,"k":KEY,"h":HANDLE,"m":NAME,"a":[...],"b":0|1}  run on the partner thread KEY
#     (KEY "m" is the interpreter's main thread, which serves calls; the reader is a thread of its own)
#   {"op":"cret"|"cexc","id":M,"k":KEY,...}                          reply to callback M of thread KEY
#   {"op":"hello"|"dump"|"endcase","id":N,...}                        control, served by the reader thread
#     hello carries "modules": {PYTHON_NAME: HANDLE, ...}, the modules under test and their handle ids; its
#     answer lists under "modules" the names it could import
#   {"op":"probe","id":N,"feature":F,"timeout":S}                     control, answered by a thread of its own
#   {"op":"echo","id":N}    the bench's pipe floor: the reader hands it to the echo thread, which sends it back;
#     with "r":1 the reader sends it back itself (no hop on this side: less than any call can do)
# agent -> Java:
#   {"op":"st","id":N,"k":KEY}            call N is about to run (the Python side may now block)
#   {"op":"ret"|"exc","id":N,"k":KEY,...}  result of call N
#   {"op":"cb","id":M,"k":KEY,"fn":F,"a":[...],"kw":{...}}  Python thread KEY calls Java callable F
#   {"op":"ctl","id":N,"v":...}           result of a control request
#   {"op":"echo","id":N}                  an echo request, sent back by the echo thread
# Values: JSON scalars and arrays (lists); tagged objects {"$":TAG,...}: "h" handle, "d" dict, "tu" tuple,
# "j" Java callable, "e" exception (class names, message, attributes), "t" exception class, "eha" excepthook
# arguments, "by" bytes (base64).
import _thread
import base64
import collections
import itertools
import json
import os
import signal
import sys
import time
import traceback
import importlib
import logging

import threading  # the agent itself uses threading's hooks (excepthook, ExceptHookArgs, the thread table)

_write_lock = _thread.allocate_lock()
_dumps = json.JSONEncoder(separators=(",", ":"), allow_nan=True).encode
# The protocol's own copy of fd 1, made by main(). Nothing at module level touches file descriptors: the
# spawn and forkserver start methods of multiprocessing re-import this script in their children.
_OUT = None


def _take_stdout():
    """Gives the protocol its own copy of fd 1 and points fd 1 (and sys.stdout) at stderr, so that a stray
    print() or C-level write cannot corrupt the protocol."""
    global _OUT
    _OUT = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr


_IN = None


def _take_stdin():
    """Gives the protocol its own copy of fd 0 and puts /dev/null on fd 0, so that a child process a case
    starts with stdin=None (inheriting the agent's stdin) cannot read the protocol's bytes."""
    global _IN
    _IN = os.dup(0)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)


def send(msg):
    data = (_dumps(msg) + "\n").encode("utf-8")
    with _write_lock:
        view = memoryview(data)
        while view:
            n = os.write(_OUT, view)
            view = view[n:]


class Inbox:
    """Single-consumer mailbox: a deque plus a lock used as a 'something may be there' signal."""

    __slots__ = ("q", "signal")

    def __init__(self):
        self.q = collections.deque()
        self.signal = _thread.allocate_lock()
        self.signal.acquire()

    def put(self, msg):
        self.q.append(msg)
        try:
            self.signal.release()
        except RuntimeError:
            pass  # a wake-up is already pending

    def get(self):
        while True:
            try:
                return self.q.popleft()
            except IndexError:
                self.signal.acquire()


STOP = {"op": "stop"}
DROP_SIGNALS = {"op": "dropsignals"}

_partners = {}        # key -> Inbox (partners of Java threads, and Python threads calling Java)
_key_by_ident = {}    # thread ident -> key
_python_keys = {}     # key -> ident, for threads Python created (they call Java, Java partners them)
_next_python_key = itertools.count(1).__next__
_next_cb_id = itertools.count(1).__next__

# ---------------------------------------------------------------- handles and values

_objs = {}            # handle id -> object
_hid_by_id = {}       # id(object) -> handle id
_next_hid = itertools.count(100).__next__
_MODULES = {}         # handle id -> module under test, as named by Java at hello (ids below 100)


_KINDS = []           # (classes, kind name) in the order Java gave them at hello: a subclass's kind first


def _set_kinds(table):
    """Builds the kind table from the Java bridges' [name, [class expression, ...]] rows (evaluated with the
    modules under test imported); an expression this interpreter cannot evaluate is skipped."""
    names = {m.__name__.split(".")[0]: importlib.import_module(m.__name__.split(".")[0]) for m in _MODULES.values()}
    names.update({m.__name__: m for m in _MODULES.values()})
    names["_thread"] = _thread
    del _KINDS[:]
    for name, exprs in table:
        classes = []
        for expr in exprs:
            try:
                c = eval(expr, dict(names))
            except Exception:
                continue
            if isinstance(c, type) and c not in classes:
                classes.append(c)
        if classes:
            _KINDS.append((tuple(classes), name))


def _kind(obj):
    try:
        for classes, name in _KINDS:
            if isinstance(obj, classes):
                return name
        if hasattr(type(obj), "__next__") and hasattr(type(obj), "__iter__"):
            return "iterator"
    except TypeError:
        pass
    if callable(obj):
        return "callable"
    return "object"


def handle(obj):
    hid = _hid_by_id.get(id(obj))
    if hid is None or _objs.get(hid) is not obj:
        hid = _next_hid()
        _objs[hid] = obj
        _hid_by_id[id(obj)] = hid
    return {"$": "h", "id": hid, "c": _kind(obj)}


def qualname(t):
    return "%s.%s" % (getattr(t, "__module__", "builtins"), getattr(t, "__qualname__", t.__name__))


def exc_mro(e):
    return [qualname(t) for t in type(e).__mro__ if t is not object]


# The attributes an exception carries to Java where its class has them (OSError's, the subprocess ones').
_EXC_ATTRS = ("errno", "strerror", "filename", "cmd", "timeout", "returncode", "stdout", "stderr")


def exc_message(out, e):
    """`out` with the exception's class names ("mro"), str() ("msg") and plain attributes ("a")."""
    out["mro"] = exc_mro(e)
    out["msg"] = safe_str(e)
    attrs = {}
    if isinstance(e, OSError) or type(e).__module__ == "subprocess":
        for name in _EXC_ATTRS:
            try:
                attrs[name] = encode(getattr(e, name))
            except AttributeError:
                continue
            except BaseException:
                attrs[name] = None
    if attrs:
        out["a"] = attrs
    return out


def safe_str(e):
    try:
        return str(e)
    except BaseException:
        try:
            return repr(e)
        except BaseException:
            return "<unprintable %s>" % type(e).__name__


def encode(v):
    if v is None or v is True or v is False:
        return v
    t = type(v)
    if t is int or t is float or t is str:
        return v
    if isinstance(v, bool):
        return bool(v)
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        return float(v)
    if isinstance(v, str):
        return str(v)
    if isinstance(v, (bytes, bytearray)):
        return {"$": "by", "v": base64.b64encode(v).decode("ascii")}
    if t is not tuple and isinstance(v, tuple) and _kind(v) not in ("iterator", "callable", "object"):
        return handle(v)  # a named tuple of a kind (sched.Event): the scheduler's cancel() needs the very object
    if isinstance(v, tuple):
        return {"$": "tu", "v": [encode(x) for x in v]}  # a PyTuple in Java (named tuples too)
    if isinstance(v, list):
        return [encode(x) for x in v]
    if isinstance(v, (set, frozenset)):
        return [encode(x) for x in v]  # e.g. the done/not_done sets of concurrent.futures.wait
    if isinstance(v, dict) and all(isinstance(k, str) for k in v):
        return {"$": "d", "v": {k: encode(x) for k, x in v.items()}}
    if isinstance(v, JavaCallable):
        return {"$": "j", "id": v.fid}
    if isinstance(v, _JavaTracer):
        return {"$": "j", "id": v.fn.fid}  # gettrace()/getprofile() give back the Java function itself
    if isinstance(v, BaseException):
        return exc_message({"$": "e"}, v)
    if isinstance(v, type) and issubclass(v, BaseException):
        return {"$": "t", "n": qualname(v)}
    return handle(v)


def resolve_class(names):
    for name in names:
        mod, _, qn = name.rpartition(".")
        try:
            obj = importlib.import_module(mod or "builtins")
            for part in qn.split("."):
                obj = getattr(obj, part)
            if isinstance(obj, type) and issubclass(obj, BaseException):
                return obj
        except Exception:
            continue
    return RuntimeError


def make_exception(names, msg):
    cls = resolve_class(names)
    try:
        return cls(msg) if msg else cls()
    except Exception:
        return RuntimeError("%s: %s" % (names[0] if names else "?", msg))


_wrappers = {}


def decode(v):
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        tag = v.get("$")
        if tag == "h":
            hid = v["id"]
            if hid in _MODULES:
                return _MODULES[hid]
            try:
                return _objs[hid]
            except KeyError:
                raise RuntimeError("pyconc agent: stale handle %r (released at the end of its case)" % hid)
        if tag == "d":
            return {k: decode(x) for k, x in v["v"].items()}
        if tag == "tu":
            return tuple(decode(x) for x in v["v"])
        if tag == "by":
            return base64.b64decode(v["v"])
        if tag == "j":
            fid = v["id"]
            w = _wrappers.get(fid)
            if w is None:
                w = _wrappers[fid] = JavaCallable(fid, v.get("kind", "c"), v.get("name"))
            return w
        if tag == "e":
            return make_exception(v["names"], v.get("msg"))
        if tag == "t":
            return resolve_class([v["n"]])
        if tag == "eha":
            exc_type = resolve_class([v["type"]]) if v.get("type") else None
            exc_value = decode(v.get("value"))
            tb = None
            if v.get("tb") and isinstance(exc_value, BaseException):
                try:
                    raise exc_value
                except BaseException as e:
                    tb = e.__traceback__
            return threading.ExceptHookArgs([exc_type, exc_value, tb, decode(v.get("thread"))])
        raise ValueError("pyconc agent: unknown tag %r" % (tag,))
    return v


# ---------------------------------------------------------------- calls from Java into Python

# Which partner key the current thread has. Kept in a _thread._local (the C layer under threading.local),
# so that a new thread reusing an ident gets a new key, and so that a thread's end is noticed: its
# _Gone sentinel is dropped with the thread's local dict.
_tls = _thread._local()
_gone = collections.deque()


class _Gone:
    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def __del__(self):
        _gone.append(self.key)


def my_key():
    key = getattr(_tls, "key", None)
    if key is None:
        key = "p%d" % _next_python_key()
        _tls.key = key
        _tls.gone = _Gone(key)
        _key_by_ident[_thread.get_ident()] = key
        _python_keys[key] = _thread.get_ident()
        _partners[key] = Inbox()
    return key


class JavaCallable:
    """A Java function (Thread target, Timer function, Barrier action, predicate, excepthook)."""

    __slots__ = ("fid", "kind", "name", "__weakref__")

    def __init__(self, fid, kind, name=None):
        self.fid = fid
        self.kind = kind
        self.name = name

    @property
    def __name__(self):
        """The Java callable's name(); without one there is no __name__, as for most callable objects."""
        if self.name is None:
            raise AttributeError("__name__")
        return self.name

    def __repr__(self):
        return "<pyconc Java callable %d>" % self.fid

    def __call__(self, *args, **kwargs):
        if self.kind == "eh":
            a = args[0]
            payload = [{"$": "eha",
                        "type": qualname(a.exc_type) if a.exc_type is not None else None,
                        "value": encode(a.exc_value),
                        "tb": a.exc_traceback is not None,
                        "thread": encode(a.thread)}]
            kw = {}
        else:
            payload = [encode(x) for x in args]
            kw = {k: encode(x) for k, x in kwargs.items()}
        key = my_key()
        inbox = _partners[key]
        cid = _next_cb_id()
        send({"op": "cb", "id": cid, "k": key, "fn": self.fid, "a": payload, "kw": kw})
        while True:
            msg = inbox.get()
            op = msg.get("op")
            if op == "call":
                serve(msg, key)
            elif op == "cret" and msg.get("id") == cid:
                return decode(msg.get("v"))
            elif op == "cexc" and msg.get("id") == cid:
                raise make_exception(msg.get("names") or [], msg.get("msg"))
            elif op == "stop":
                inbox.put(msg)  # keep it for the partner loop
                raise RuntimeError("pyconc agent: partner stopped while waiting for a Java callback")
            else:
                sys.stderr.write("pyconc agent: %s ignored unexpected %r\n" % (key, msg))


def _h_getattr(obj, name):
    return getattr(obj, name)


def _h_mro(obj, name):
    """The MRO of class obj.name as qualified names, without object (e.g. _thread.error)."""
    return [qualname(t) for t in getattr(obj, name).__mro__ if t is not object]


def _h_setattr(obj, name, value):
    setattr(obj, name, value)


def _h_delattr(obj, name):
    delattr(obj, name)


def _h_hasattr(obj, name):
    return hasattr(obj, name)


def _h_thread(obj, group, target, name, args, kwargs, daemon, context=None):
    extra = {} if context is None else {"context": context}  # Thread(context=...) is 3.14+
    return threading.Thread(group=group, target=target, name=name, args=args, kwargs=kwargs, daemon=daemon,
                            **extra)


def _h_callkw(obj, name, args, kwargs):
    """obj.name(*args, **kwargs), or obj(*args, **kwargs) when name is empty."""
    f = getattr(obj, name) if name else obj
    return f(*args, **kwargs)


def _h_modcall(obj, module, name, args):
    f = importlib.import_module(module)
    for part in name.split("."):
        f = getattr(f, part)
    return f(*args)


def _h_exit(obj, exc=None):
    """obj.__exit__ as the with statement calls it: (None, None, None), or the exception the block raised,
    with a traceback as a raised exception has one. Returns whether __exit__ asks to suppress it."""
    if exc is None:
        return bool(obj.__exit__(None, None, None))
    try:
        raise exc
    except BaseException as e:
        tb = e.__traceback__
    return bool(obj.__exit__(type(exc), exc, tb))


def _h_start_new_thread(obj, function, args, kwargs=None):
    """_thread.start_new_thread with kwargs left out when Java passes none; args as Java sent them (a tuple or
    not), for Python to judge."""
    if kwargs is None:
        return _thread.start_new_thread(function, args)
    return _thread.start_new_thread(function, args, kwargs)


class _JavaUnraisableHook:
    """sys.unraisablehook for a Java hook: passes the Java side (type name, value, err_msg, object)."""

    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, u):
        self.fn(qualname(u.exc_type) if u.exc_type is not None else None, u.exc_value, u.err_msg, u.object)


def _h_set_unraisablehook(obj, hook):
    """sys.unraisablehook = a Java hook (a Java callable of kind "c"), or None for sys.__unraisablehook__."""
    sys.unraisablehook = sys.__unraisablehook__ if hook is None else _JavaUnraisableHook(hook)


class _LogCapture(logging.Handler):
    """A root-logger handler keeping each record as "LEVEL logger: message [exc-class: str(exc)]"."""

    def __init__(self):
        logging.Handler.__init__(self, logging.NOTSET)
        self.records = []  # list.append is atomic; records may come from any thread

    def emit(self, record):
        try:
            line = "%s %s: %s" % (record.levelname, record.name, record.getMessage())
            exc = record.exc_info[1] if record.exc_info else None
            if exc is not None:
                line += " [%s: %s]" % (qualname(type(exc)), safe_str(exc))
            self.records.append(line)
        except Exception:
            self.handleError(record)


def _h_log_start(obj):
    """Starts capturing what reaches the root logger; returns the capture, for $log_stop."""
    h = _LogCapture()
    logging.getLogger().addHandler(h)
    return h


def _h_log_stop(obj, h):
    """Stops a capture started by $log_start; returns its records."""
    logging.getLogger().removeHandler(h)
    return list(h.records)


def _resolve(name):
    """The object a dotted name denotes, as Python code would reach it: the longest importable module prefix,
    then attribute look-ups (AttributeError if one is missing)."""
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
        except ImportError:
            continue
        for part in parts[i:]:
            obj = getattr(obj, part)
        return obj
    import builtins
    return getattr(builtins, name)


# Threads of the agent's own (the reader, probes): a trace or profile function installed in every thread must
# never call Java from them, since the reader is what delivers Java's reply.
_agent_idents = set()

# threading.__excepthook__ is 3.10+; before, the hook the interpreter starts with is the default one.
_STARTING_EXCEPTHOOK = threading.excepthook


def _default_excepthook():
    return getattr(threading, "__excepthook__", _STARTING_EXCEPTHOOK)


def _h_default_excepthook(obj):
    return _default_excepthook()


class _JavaTracer:
    """A Java trace or profile function as given to threading.settrace/setprofile. It passes on the events of
    every frame except the agent's own (whose plumbing, e.g. send() holding its write lock, must not call back
    into Java), and none once its case has ended."""

    __slots__ = ("fn", "active")

    def __init__(self, fn):
        self.fn = fn
        self.active = True

    def __call__(self, frame, event, arg):
        if not self.active or frame.f_globals is _AGENT_GLOBALS or _thread.get_ident() in _agent_idents:
            return None
        return self.fn(frame, event, arg)


_AGENT_GLOBALS = globals()
_tracers = []  # the _JavaTracers of the current case, made inert by ctl_endcase


def _java_tracer(fn):
    if fn is None:
        return None
    t = _JavaTracer(fn)
    _tracers.append(t)
    return t


def _h_settrace(mod, fn):
    threading.settrace(_java_tracer(fn))


def _h_setprofile(mod, fn):
    threading.setprofile(_java_tracer(fn))


_stderr_captures = []  # (previous sys.stderr, io.StringIO) of each open capture


def _h_stderr_begin(mod):
    import io
    buf = io.StringIO()
    _stderr_captures.append((sys.stderr, buf))
    sys.stderr = buf


def _h_stderr_end(mod):
    old, buf = _stderr_captures.pop()
    sys.stderr = old
    return buf.getvalue()


def _h_os_thread_name(mod):
    with open("/proc/thread-self/comm", "rb") as f:
        return f.read().rstrip(b"\n").decode("utf-8", "replace")


def _h_isinstance(mod, obj, name):
    return isinstance(obj, _resolve(name))


def _h_isclass(mod, name):
    return isinstance(_resolve(name), type)


def _h_hasattr_of(mod, obj, name):
    return hasattr(obj, name)


def _h_setattr_of(mod, obj, name, value):
    setattr(obj, name, value)


def _h_type_mro(mod, obj):
    """type(obj).__mro__ as qualified names."""
    return [qualname(t) for t in type(obj).__mro__]


# ---------------------------------------------------------------- children of subprocess cases

_children_lock = _thread.allocate_lock()
_started_children = [False]  # whether the current case called subprocess through $subprocess
_known_children = set()  # this process's children before the case's first $subprocess (multiprocessing's, ...)


def _h_subprocess(mod, name, args, kwargs):
    """subprocess.name(*args, **kwargs) for the subprocess bridge. The case's first such call notes the children
    this process already has; the ones that appear later are the case's, ended with it."""
    with _children_lock:  # two threads of one case may both be first
        if not _started_children[0]:
            _known_children.clear()
            _known_children.update(_own_children())
            _started_children[0] = True
    return getattr(mod, name)(*args, **kwargs)


def _own_children():
    """The pids whose parent is this process, from /proc (empty where there is no /proc)."""
    me = os.getpid()
    out = set()
    try:
        names = os.listdir("/proc")
    except OSError:
        return out
    for n in names:
        if not n.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % n, "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == me:
            out.add(int(n))
    return out


def _end_case_children():
    """After a case that started children: kills (with its process group, if it leads one) and reaps every
    child of this process that appeared during the case, running or a zombie nobody waited for. Returns
    their pids."""
    if not _started_children[0]:
        return []
    _started_children[0] = False
    left = sorted(_own_children() - _known_children)
    for pid in left:
        try:
            if os.getpgid(pid) == pid and pid != os.getpgrp():
                os.killpg(pid, signal.SIGKILL)
            else:
                os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    deadline = time.monotonic() + 10
    waiting = set(left)
    while waiting and time.monotonic() < deadline:
        for pid in list(waiting):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid  # reaped meanwhile by its Popen
            if done:
                waiting.discard(pid)
        if waiting:
            time.sleep(0.005)
    return left


# ---------------------------------------------------------------- multiprocessing and multiprocessing.shared_memory

# The agent is multi-threaded, so it never forks a child of its own unless a case asks for 'fork': the module's
# calls use get_context(M), M being the adapter's configured start method (hello's "mp_start_method"; default
# forkserver where available, else spawn), until a case sets the global start method itself. The routines
# children run live in pyconc_mp_routines, beside this script (its folder is sys.path[0], which spawn and
# forkserver children inherit).
_MP_ROUTINES = "pyconc_mp_routines"
_mp_config = {"method": None, "actual_at_hello": None}
_mp_case = {"set": False, "used": False}  # whether the case set the global start method / used multiprocessing
_mp_pools = []       # pools (process and thread) made through the bridge this case: terminated at its end
_mp_listeners = []   # connection.Listener objects made this case: closed at its end
_mp_managers = []    # SharedMemoryManagers made this case: shut down at its end
_mp_blocks = []      # SharedMemory blocks the agent created this case: closed and unlinked at its end
_MP_SUBMODULES = ("context", "process", "connection", "queues", "synchronize", "pool", "managers",
                  "shared_memory", "dummy", "reduction", "resource_tracker")


def _mp_prepare(requested):
    """At hello, when multiprocessing imported: imports the submodules the kinds name, fixes the start method the
    module's calls use, notes the global start method's state (restored after each case) and returns the
    features multiprocessing has here that need no child process."""
    import multiprocessing
    for sub in _MP_SUBMODULES:
        try:
            importlib.import_module("multiprocessing." + sub)
        except Exception:
            pass  # e.g. synchronize without sem_open
    try:
        methods = multiprocessing.get_all_start_methods()
    except Exception:  # an implementation whose multiprocessing cannot say: the portable method only
        methods = ["spawn"]
    if requested:
        if requested not in methods:
            raise ValueError("start method %r is not available here (available: %s)" % (requested, methods))
        method = requested
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    _mp_config["method"] = method
    _mp_config["actual_at_hello"] = _mp_actual()
    features = []
    try:
        if "AF_UNIX" in multiprocessing.connection.families:
            features.append("AF_UNIX")
    except Exception:
        pass
    try:
        # a fork context's semaphore is unlinked at once and needs no resource tracker
        ctx = multiprocessing.get_context("fork" if "fork" in methods else method)
        if ctx.Semaphore(2).get_value() == 2:
            features.append("SEM_GETVALUE")
    except Exception:
        pass
    return features


def _mp_actual():
    """The global context as set (None while unset): multiprocessing's default context's chosen one."""
    import multiprocessing.context
    return getattr(multiprocessing.context._default_context, "_actual_context", None)


def _mp_ctx():
    """The context the module's calls use: the global one once the case has set it, else the configured one. A case
    that cleared the global start method gets the module's own default context, whose calls fix the global method
    again as multiprocessing's module-level ones do (get_context(), Lock(), Queue(), ...)."""
    import multiprocessing
    import multiprocessing.context
    _mp_case["used"] = True
    if _mp_case["set"]:
        if multiprocessing.get_start_method(allow_none=True) is not None:
            return multiprocessing.get_context()
        return multiprocessing.context._default_context
    return multiprocessing.get_context(_mp_config["method"])


def _mp_track(v):
    import multiprocessing.pool
    import multiprocessing.connection
    if isinstance(v, multiprocessing.pool.Pool):
        _mp_pools.append(v)
    elif isinstance(v, multiprocessing.connection.Listener):
        _mp_listeners.append(v)
    else:
        managers = sys.modules.get("multiprocessing.managers")
        smm = getattr(managers, "SharedMemoryManager", None)
        if smm is not None and isinstance(v, smm):
            _mp_managers.append(v)
    return v


def _h_mp(obj, name, args, kwargs):
    """ctx.name(*args, **kwargs): ctx is obj when it is a context, else (the module) the one _mp_ctx gives."""
    import multiprocessing.context
    ctx = obj if isinstance(obj, multiprocessing.context.BaseContext) else _mp_ctx()
    _mp_case["used"] = True
    return _mp_track(getattr(ctx, name)(*args, **kwargs))


def _h_mp_fn(obj, name, args, kwargs):
    """The function of dotted name (connection.Listener, pool.ThreadPool, dummy.Pool, ...) called; what it makes
    is tracked. A SharedMemoryManager gets the module's context unless one is given."""
    _mp_case["used"] = True
    f = _resolve(name)
    if name == "multiprocessing.managers.SharedMemoryManager" and kwargs.get("ctx") is None:
        kwargs = dict(kwargs, ctx=_mp_ctx())
    return _mp_track(f(*args, **kwargs))


def _h_mp_set_start_method(obj, method, force):
    """multiprocessing.set_start_method; the module's calls follow the global context from now on in this case,
    and the state at hello comes back when the case ends."""
    import multiprocessing
    _mp_case["used"] = True
    _mp_case["set"] = True
    multiprocessing.set_start_method(method, force)


def _h_mp_routine(obj, name):
    """The named routine: a function of the routines module (a child re-imports it by name)."""
    return getattr(importlib.import_module(_MP_ROUTINES), name)


def _h_mp_recv_bytes_into(conn, data, offset):
    """conn.recv_bytes_into on a bytearray copy of data: ["ok", n, bytes] or ["short", whole message]."""
    from multiprocessing import BufferTooShort
    buf = bytearray(data)
    try:
        n = conn.recv_bytes_into(buf, offset)
    except BufferTooShort as e:
        return ["short", bytes(e.args[0])]
    return ["ok", n, bytes(buf)]


def _h_shm_new(obj, name, create, size, track=None):
    """SharedMemory(name, create, size[, track=track]); a block the agent creates is unlinked at the case's end
    unless the case does it."""
    from multiprocessing import shared_memory
    _mp_case["used"] = True
    if track is None:
        shm = shared_memory.SharedMemory(name, create, size)
    else:
        shm = shared_memory.SharedMemory(name, create, size, track=track)
    if create:
        _mp_blocks.append(shm)
    return shm


def _h_shm_list(obj, sequence, name):
    """ShareableList(sequence, name=name); the block of a new list is unlinked at the case's end."""
    from multiprocessing import shared_memory
    _mp_case["used"] = True
    sl = shared_memory.ShareableList(sequence, name=name)
    if sequence is not None:
        _mp_blocks.append(sl.shm)
    return sl


def _h_mv_read(view, offset, length):
    return bytes(view[offset:offset + length])


def _h_mv_write(view, offset, data):
    view[offset:offset + len(data)] = data


def _h_getslice(obj, start, stop):
    return obj[start:stop]


def _mp_end_case():
    """After a case that used multiprocessing: terminates its pools, shuts down its managers, closes its
    listeners, ends every child process still there (terminate, then kill), closes and unlinks the blocks the
    agent created, and puts the global start method back as it was at hello. Returns what it ended."""
    if _mp_config["method"] is None:
        return None  # multiprocessing not prepared at hello
    import multiprocessing
    # The global start method, whatever changed it: a case's set_start_method, a get_start_method() that fixed the
    # default, or (before 3.12) the start of a spawn or forkserver child, whose preparation data asks for it.
    try:
        if _mp_actual() is not _mp_config["actual_at_hello"]:
            multiprocessing.context._default_context._actual_context = _mp_config["actual_at_hello"]
    except Exception:
        pass
    _mp_case["set"] = False
    if not _mp_case["used"] and not _mp_blocks:
        return None
    out = {"pools": len(_mp_pools), "children": 0, "blocks": 0}
    for pool in _mp_pools:
        try:
            pool.terminate()
        except Exception:
            pass
    for m in _mp_managers:
        try:
            m.shutdown()
        except Exception:
            pass
    for lst in _mp_listeners:
        try:
            lst.close()
        except Exception:
            pass
    try:
        children = multiprocessing.active_children()
    except Exception:
        children = []
    for c in children:
        try:
            c.terminate()
        except Exception:
            pass
    deadline = time.monotonic() + 5
    for c in children:
        try:
            c.join(max(0.0, deadline - time.monotonic()))
            if c.exitcode is None:
                c.kill()
                c.join(2)
        except Exception:
            pass
    out["children"] = len(children)
    for shm in _mp_blocks:
        try:
            shm.close()
        except Exception:
            pass  # BufferError: a view still exported; unlinking needs no close
        try:
            shm.unlink()
            out["blocks"] += 1
        except Exception:
            pass  # unlinked by the case already
    del _mp_pools[:], _mp_managers[:], _mp_listeners[:], _mp_blocks[:]
    _mp_case["used"] = False
    # A SemLock's name is unlinked when the object is finalized. The case's handles are gone, but an object held
    # in a reference cycle (an exception's traceback, a frame) waits for a collection of its generation, which
    # may come long after the case (it did once importing asyncio at hello had moved the counts): collect now.
    import gc
    gc.collect()
    return out


def _probe_start_method(method, timeout):
    """Whether a Process of the start method runs a routine from this agent: (True, "") or (False, why)."""
    import multiprocessing
    if method not in multiprocessing.get_all_start_methods():
        return False, "multiprocessing has no start method %r here" % method
    # fork from this multi-threaded agent: a child could deadlock on a lock another thread held at the fork (the
    # agent's threads hold none that the child's path takes, except sys.stderr's while writing a diagnostic).
    # Tried: 150 fork children on 3.14 and on 3.11 while three Java threads kept calling into the agent, none hung.
    ctx = multiprocessing.get_context(method)
    before = _mp_actual()
    r, w = ctx.Pipe(False)
    p = ctx.Process(target=_h_mp_routine(None, "put"), args=(w, "ok"))
    # One deadline for the message and the exit: a child that hangs is killed within `timeout`, before the Java
    # side gives up on the probe (timeout + LONG), so no probe child outlives the probe's answer.
    deadline = time.monotonic() + timeout
    try:
        p.start()
        w.close()
        got = r.recv() if r.poll(max(0.0, deadline - time.monotonic())) else None
        p.join(max(0.0, deadline - time.monotonic()))
        ok = got == "ok" and p.exitcode == 0
        return ok, "" if ok else "the child reported %r, exit code %r" % (got, p.exitcode)
    except BaseException as e:
        return False, "%s: %s" % (qualname(type(e)), safe_str(e))
    finally:
        if p.exitcode is None and p.pid is not None:
            p.kill()
            p.join(5)
        r.close()
        if before is None and not _mp_case["set"]:
            multiprocessing.context._default_context._actual_context = None  # fixed by the child's start (3.11)


HELPERS = {
    "$subprocess": _h_subprocess,
    "$mp": _h_mp,
    "$mp_fn": _h_mp_fn,
    "$mp_set_start_method": _h_mp_set_start_method,
    "$mp_routine": _h_mp_routine,
    "$mp_recv_bytes_into": _h_mp_recv_bytes_into,
    "$shm_new": _h_shm_new,
    "$shm_list": _h_shm_list,
    "$mv_read": _h_mv_read,
    "$mv_write": _h_mv_write,
    "$getslice": _h_getslice,
    "$getattr": _h_getattr,
    "$mro": _h_mro,
    "$setattr": _h_setattr,
    "$delattr": _h_delattr,
    "$hasattr": _h_hasattr,
    "$thread": _h_thread,
    "$callkw": _h_callkw,
    "$modcall": _h_modcall,
    "$exit": _h_exit,
    "$start_new_thread": _h_start_new_thread,
    "$default_excepthook": _h_default_excepthook,
    "$set_unraisablehook": _h_set_unraisablehook,
    "$log_start": _h_log_start,
    "$log_stop": _h_log_stop,
    "$settrace": _h_settrace,
    "$setprofile": _h_setprofile,
    "$stderr_begin": _h_stderr_begin,
    "$stderr_end": _h_stderr_end,
    "$os_thread_name": _h_os_thread_name,
    "$isinstance": _h_isinstance,
    "$isclass": _h_isclass,
    "$type_mro": _h_type_mro,
    "$setattr_of": _h_setattr_of,
    "$hasattr_of": _h_hasattr_of,
}


# ================================================================ asyncio (AsyncioBridge.java): begin
# A Java coroutine body runs on a Java thread of its own. In the loop a driver coroutine (_aio_drive) stands for
# it: the driver calls the body's step callable, on the loop's thread, so that the body's own calls meanwhile
# (locked(), release(), put_nowait(), create_task, ...) are served by the loop's thread too; the step runs the
# body up to its next await and answers what the driver is to await:
#   ["a", aw]        await aw                     ["sl", d]            await asyncio.sleep(d)
#   ["wf", aw, t]    await asyncio.wait_for(aw, t) ["ga", [aw, ...], f] await asyncio.gather(*aws, return_exceptions=f)
#   ["ce", cm]       await cm.__aenter__()        ["ct", d]            the same for cm = asyncio.timeout(d)
#   ["cx", exc]      await cm.__aexit__(...) of the innermost cm entered, for exc: None, "x" (the exception last
#                    raised into the body) or an exception; the body gets whether it was suppressed
# or how the body ended:
#   ["r", v] it returned v   ["x"] it raised the exception last raised into it   ["e", exc] it raised exc
#   ["j", text] it threw a Java throwable (RuntimeError(text) here)   ["k"] Java gave up on it (its case ended)
# The driver resumes the body with step("v", result) or step("e", exception); step("s", None) starts it and
# step("k", None) unwinds it (the driver is being closed). Once the case is over (run.closing) a driver no
# longer calls Java: it raises CancelledError, and AsyncioBridge ends the Java threads.


class _AioRun:
    """One asyncio.run in progress: its loop, whether its case is over, and a lock held until it returns."""

    __slots__ = ("loop", "closing", "done")

    def __init__(self):
        self.loop = None
        self.closing = False
        self.done = _thread.allocate_lock()
        self.done.acquire()


_aio_runs = []          # the asyncio.run calls in progress (each on the Python partner of the Java caller)
_AIO_NO_RUN = _AioRun()  # for a driver in a loop the bridge did not start (never closing)


def _aio_run_of(loop):
    for run in list(_aio_runs):
        if run.loop is loop:
            return run
    return _AIO_NO_RUN


def _aio_close_run(run):
    """On the loop's thread: the case is over; every task is cancelled, and no driver calls Java again."""
    import asyncio
    run.closing = True
    for t in asyncio.all_tasks(run.loop):
        t.cancel()


async def _aio_drive(step):
    import asyncio
    run = _aio_run_of(asyncio.get_running_loop())
    kind, value = "s", None
    last = None  # the exception last raised into the body
    cms = []     # the async context managers the body is inside, innermost last
    while True:
        if run.closing:
            if kind == "e":
                raise value
            raise asyncio.CancelledError("pyconc: the case ended")
        r = step(kind, value)
        op = r[0]
        if op == "r":
            return r[1]
        if op == "x":
            raise last
        if op == "e":
            raise r[1]
        if op == "j":
            raise RuntimeError(r[1])
        if op == "k":
            _aio_close_run(run)
            raise asyncio.CancelledError("pyconc: the Java side gave up on this coroutine")
        try:
            if op == "a":
                v = await r[1]
            elif op == "sl":
                v = await asyncio.sleep(r[1])
            elif op == "wf":
                v = await asyncio.wait_for(r[1], r[2])
            elif op == "ga":
                v = await asyncio.gather(*r[1], return_exceptions=r[2])
            elif op == "ce" or op == "ct":
                cm = r[1] if op == "ce" else asyncio.timeout(r[1])
                v = await type(cm).__aenter__(cm)
                cms.append(cm)
            elif op == "cx":
                cm = cms.pop()
                exc = last if r[1] == "x" else r[1]
                if exc is None:
                    v = bool(await type(cm).__aexit__(cm, None, None, None))
                else:
                    v = bool(await type(cm).__aexit__(cm, type(exc), exc, exc.__traceback__))
            else:
                raise RuntimeError("pyconc agent: unknown asyncio step %r" % (op,))
        except GeneratorExit:
            if not run.closing:
                step("k", None)
            raise
        except BaseException as e:
            last = e
            kind, value = "e", e
        else:
            kind, value = "v", v


def _h_aio_run(mod, step):
    """asyncio.run of the Java body `step` drives, on the calling Java thread's partner."""
    import asyncio
    run = _AioRun()

    async def main():
        run.loop = asyncio.get_running_loop()
        return await _aio_drive(step)

    coro = main()
    _aio_runs.append(run)
    try:
        return asyncio.run(coro)
    finally:
        coro.close()  # not started (asyncio.run refused): no "never awaited" warning
        _aio_runs.remove(run)
        run.done.release()


def _h_aio_coro(mod, step):
    return _aio_drive(step)


def _h_aio_create_task(mod, coro, name):
    import asyncio
    return asyncio.create_task(coro) if name is None else asyncio.create_task(coro, name=name)


def _h_aio_task_of(mod, step):
    import asyncio
    return asyncio.create_task(_aio_drive(step))


def _h_aio_time(mod):
    import asyncio
    return asyncio.get_running_loop().time()


async def _aio_aexit(cm, exc):
    if exc is None:
        return bool(await type(cm).__aexit__(cm, None, None, None))
    return bool(await type(cm).__aexit__(cm, type(exc), exc, exc.__traceback__))


def _h_aio_aexit(cm, exc=None):
    return _aio_aexit(cm, exc)


def _aio_dump():
    """The tasks of every asyncio.run in progress, with their stacks (read from the reader thread)."""
    if not _aio_runs:
        return ""
    import asyncio
    import io
    out = []
    for run in list(_aio_runs):
        tasks = None
        for _ in range(5):  # the loop's thread may change the task set meanwhile
            try:
                tasks = list(asyncio.all_tasks(run.loop)) if run.loop is not None else []
                break
            except Exception:
                continue
        out.append("asyncio loop %r%s: %s" % (run.loop, " (closing)" if run.closing else "",
                                             "tasks unreadable" if tasks is None else "%d task(s)" % len(tasks)))
        for t in tasks or []:
            buf = io.StringIO()
            try:
                t.print_stack(file=buf)
            except Exception as e:
                buf.write("%r: stack unreadable: %s\n" % (t, safe_str(e)))
            out.append("  %r\n%s" % (t, buf.getvalue()))
    return "\n".join(out)


def ctl_aio_end(msg):
    """Ends the asyncio.run calls of the case: marks them closing, cancels their tasks (from their loops'
    threads), and answers later, from a thread of its own, once each has returned or `timeout` has passed."""
    runs = list(_aio_runs)
    cid = msg.get("id")
    timeout = msg.get("timeout", 10)
    for run in runs:
        run.closing = True
        if run.loop is not None:
            try:
                run.loop.call_soon_threadsafe(_aio_close_run, run)
            except RuntimeError:
                pass  # closed meanwhile
    if not runs:
        return {"runs": 0, "left": 0}

    def wait():
        _agent_idents.add(_thread.get_ident())
        try:
            deadline = time.monotonic() + timeout
            left = 0
            for run in runs:
                if run.done.acquire(True, max(0.0, deadline - time.monotonic())):
                    run.done.release()
                else:
                    left += 1
            send({"op": "ctl", "id": cid, "v": {"runs": len(runs), "left": left}})
        finally:
            _agent_idents.discard(_thread.get_ident())

    _thread.start_new_thread(wait, ())
    return _LATER


HELPERS.update({
    "$aio_run": _h_aio_run,
    "$aio_coro": _h_aio_coro,
    "$aio_create_task": _h_aio_create_task,
    "$aio_task_of": _h_aio_task_of,
    "$aio_time": _h_aio_time,
    "$aio_aexit": _h_aio_aexit,
})
# ================================================================ asyncio: end


# ---------------------------------------------------------------- the main thread

# The interpreter's main thread serves the calls of partner "m" (Java's runInMainThread bodies); Python runs
# signal handlers there, between two steps of Python code, wherever that thread is. So that a handler that
# raises (SIGINT's default one raises KeyboardInterrupt, e.g. after _thread.interrupt_main()) never hits the
# agent's own plumbing (losing a message or a reply), SIGINT's handler is swapped while the main thread runs
# agent code: between calls a handler that only notes the signal is installed; before a call the real one is
# put back and runs for any signal noted meanwhile, inside the call, as if the signal had arrived just then.
_MAIN_KEY = "m"
_noted_signals = []  # signals that arrived while the main thread ran agent code, for the next call
_real_sigint = [None]  # SIGINT's real handler while the noting one is installed


def _note_signal(signum, frame):
    _noted_signals.append(signum)


def _main_agent_code():
    """Main thread, leaving a call: SIGINT's handler becomes _note_signal."""
    h = signal.signal(signal.SIGINT, _note_signal)
    if h is not _note_signal:
        _real_sigint[0] = h


def _main_case_code():
    """Main thread, entering a call: SIGINT's real handler back; the signals noted meanwhile have it run now."""
    signal.signal(signal.SIGINT, _real_sigint[0])
    while _noted_signals:
        signum = _noted_signals.pop(0)
        h = signal.getsignal(signum)
        if callable(h):
            h(signum, None)


def serve(msg, key):
    cid = msg.get("id")
    try:
        obj = decode(msg.get("h"))
        args = decode(msg.get("a") or [])
        m = msg["m"]
        if m[0] == "$":
            f = HELPERS[m]
            args = [obj] + args
        else:
            f = getattr(obj, m)
        if msg.get("b"):
            send({"op": "st", "id": cid, "k": key})
        if key == _MAIN_KEY:
            try:
                _main_case_code()
                result = f(*args)
            finally:
                _main_agent_code()
        else:
            result = f(*args)
        out = {"op": "ret", "id": cid, "k": key, "v": encode(result)}
    except BaseException as e:
        out = exc_message({"op": "exc", "id": cid, "k": key}, e)
    send(out)


def partner_main(key, inbox):
    _key_by_ident[_thread.get_ident()] = key
    _tls.key = key
    try:
        while True:
            msg = inbox.get()
            op = msg.get("op")
            if op == "call":
                serve(msg, key)
            elif op == "stop":
                return
            elif op == "dropsignals":
                del _noted_signals[:]
            else:
                sys.stderr.write("pyconc agent: partner %s ignored %r\n" % (key, msg))
    finally:
        _key_by_ident.pop(_thread.get_ident(), None)


# ---------------------------------------------------------------- control requests (reader thread)

_POOL_PROBES = {"PROCESS_POOL": "ProcessPoolExecutor", "INTERPRETER_POOL": "InterpreterPoolExecutor"}


def _probe(feature, timeout):
    """Whether `feature` works here, tried out: a pool feature or a start method."""
    if feature.startswith("START_METHOD_"):
        return _probe_start_method(feature[len("START_METHOD_"):].lower(), timeout)
    return _probe_pool(feature, timeout)


def _probe_pool(feature, timeout):
    """Whether the executor of `feature` can run a call here: (True, "") or (False, why). Where fork is the
    default start method the process pool is tried with forkserver, as the cpython bridge's FuturesBridge
    uses it then (forking this multi-threaded agent can hang)."""
    import multiprocessing
    import concurrent.futures
    cls = getattr(concurrent.futures, _POOL_PROBES[feature], None)
    if cls is None:
        return False, "concurrent.futures has no %s" % _POOL_PROBES[feature]
    ex = None
    ok = False
    try:
        kw = {}
        if feature == "PROCESS_POOL" and multiprocessing.get_start_method() == "fork":
            kw["mp_context"] = multiprocessing.get_context("forkserver")
        ex = cls(max_workers=1, **kw)
        got = ex.submit(abs, -1).result(timeout=timeout)
        ok = got == 1
        return ok, "" if ok else "abs(-1) gave %r" % (got,)
    except BaseException as e:
        return False, "%s: %s" % (qualname(type(e)), safe_str(e))
    finally:
        if ex is not None:
            if not ok:  # a worker that hangs would outlive the probe: ended first (kill_workers is 3.14's)
                try:
                    kill = getattr(ex, "kill_workers", None)
                    if kill is not None:
                        kill()
                    else:
                        for proc in list((getattr(ex, "_processes", None) or {}).values()):
                            proc.kill()
                except BaseException:
                    pass
            try:
                ex.shutdown(wait=ok, cancel_futures=True)
            except BaseException:
                pass


def ctl_probe(msg):
    """Answers later, from a thread of its own: a probe runs pools, which may hang in a broken implementation,
    and the reader thread must stay free (the Java side gives up at its own deadline)."""
    cid = msg.get("id")

    def run():
        _agent_idents.add(_thread.get_ident())
        try:
            ok, why = _probe(msg["feature"], msg.get("timeout", 30))
            send({"op": "ctl", "id": cid, "v": {"ok": ok, "why": why}})
        except BaseException as e:
            send({"op": "ctl", "id": cid, "err": "%s: %s" % (qualname(type(e)), safe_str(e))})
        finally:
            _agent_idents.discard(_thread.get_ident())  # idents are reused once a thread has ended

    _thread.start_new_thread(run, ())
    return _LATER


def _import_modules(wanted):
    """Imports each module Java names, under the handle id it gives; returns the names that imported."""
    imported = []
    for name, hid in wanted.items():
        try:
            _MODULES[hid] = importlib.import_module(name)
        except ImportError:
            continue
        imported.append(name)
    return imported


def ctl_hello(msg):
    modules = _import_modules(msg.get("modules") or {})
    features = ["REAL_THREADS", "MAIN_THREAD"]
    if "multiprocessing" in modules:
        features.extend(_mp_prepare(msg.get("mp_start_method")))
    _set_kinds(msg.get("kinds") or [])
    if hasattr(threading, "get_native_id"):
        features.append("NATIVE_THREAD_ID")
    try:
        old = threading.stack_size()
        threading.stack_size(1 << 20)
        threading.stack_size(old)
        features.append("STACK_SIZE")
    except Exception:
        pass
    if os.path.exists("/proc/thread-self/comm"):
        features.append("OS_THREAD_NAME")
    if os.name == "posix" and sys.version_info >= (3, 9):
        # Popen's user, group and extra_groups (3.9): subprocess refuses them where os lacks these calls
        if all(hasattr(os, f) for f in ("setreuid", "setregid", "setgroups")):
            features.append("SUBPROCESS_CREDENTIALS")
        features.append("SUBPROCESS_UMASK")  # Popen's umask (3.9), on every POSIX platform
    vi = sys.version_info
    return {
        "version": [vi[0], vi[1], vi[2]],
        "full_version": sys.version.replace("\n", " "),
        "implementation": sys.implementation.name,
        "executable": sys.executable,
        "pid": os.getpid(),
        "features": features,
        "modules": modules,
    }


def ctl_dump(msg):
    by_ident = dict(_key_by_ident)
    try:
        tnames = {t.ident: t.name for t in threading._active.copy().values()}
    except Exception:
        tnames = {}
    out = []
    me = _thread.get_ident()
    for ident, frame in sys._current_frames().items():
        label = "agent reader" if ident == me else by_ident.get(ident, "")
        out.append("Python thread %d %s%s:\n%s" % (
            ident, tnames.get(ident, ""), (" [%s]" % label) if label else "",
            "".join(traceback.format_stack(frame))))
    aio = _aio_dump()
    if aio:
        out.append(aio)
    return "\n".join(out)


def ctl_endcase(msg):
    for key in msg.get("stop") or []:
        inbox = _partners.pop(key, None)
        if inbox is not None:
            inbox.put(STOP)
    # Python-created threads that have ended: their Java partners can go.
    if _python_keys and len(_gone) < len(_python_keys) and sys.implementation.name != "cpython":
        import gc
        gc.collect()  # without reference counting, the _Gone sentinels of ended threads wait for a collection
    gone = []
    while _gone:
        key = _gone.popleft()
        gone.append(key)
        ident = _python_keys.pop(key, None)
        _partners.pop(key, None)
        if ident is not None and _key_by_ident.get(ident) == key:
            _key_by_ident.pop(ident, None)
    # A Java excepthook left installed by the case would run Java code of a finished case.
    if isinstance(threading.excepthook, JavaCallable):
        threading.excepthook = _default_excepthook()
    if isinstance(sys.unraisablehook, _JavaUnraisableHook):
        sys.unraisablehook = sys.__unraisablehook__
    # Java trace and profile functions: off for threads started later, inert where already installed.
    if isinstance(getattr(threading, "_trace_hook", None), _JavaTracer):
        threading.settrace(None)
    if isinstance(getattr(threading, "_profile_hook", None), _JavaTracer):
        threading.setprofile(None)
    for t in _tracers:
        t.active = False
    del _tracers[:]
    if _stderr_captures:  # a capture the case did not end: the original sys.stderr comes back
        sys.stderr = _stderr_captures[0][0]
        del _stderr_captures[:]
    # A signal the case's main-thread code did not receive belongs to that case: the main thread drops it once
    # awake (a handler due while it slept runs, noting the signal, as it wakes up for this message).
    _partners[_MAIN_KEY].put(DROP_SIGNALS)
    _objs.clear()
    _hid_by_id.clear()
    _wrappers.clear()
    try:
        mp = _mp_end_case()
    except BaseException as e:
        mp = "%s: %s" % (qualname(type(e)), safe_str(e))
    killed = _end_case_children()
    return {"gone": gone, "handles": 0, "children": killed, "multiprocessing": mp}


CONTROL = {"hello": ctl_hello, "dump": ctl_dump, "endcase": ctl_endcase, "probe": ctl_probe,
           "aio_end": ctl_aio_end}
_LATER = object()  # a control handler's result when it answers later itself


_echo_inbox = []  # the echo thread's Inbox, made on the first echo request


def _echo_main(inbox):
    """The echo thread: sends each echo request back as it came. With the reader's hand-off to it, this is the
    least any call must do (a line in, a hop to another Python thread, a line out): the bench's pipe floor."""
    _agent_idents.add(_thread.get_ident())
    while True:
        msg = inbox.get()
        send(msg)


def _echo(msg):
    if not _echo_inbox:
        _echo_inbox.append(Inbox())
        _thread.start_new_thread(_echo_main, (_echo_inbox[0],))
    _echo_inbox[0].put(msg)


def reader():
    stdin = open(_IN, "rb", closefd=False)
    loads = json.loads
    while True:
        line = stdin.readline()
        if not line:
            return
        try:
            msg = loads(line)
        except ValueError as e:
            sys.stderr.write("pyconc agent: bad line %r: %s\n" % (line[:200], e))
            continue
        op = msg.get("op")
        if op == "call" or op == "cret" or op == "cexc":
            key = msg.get("k")
            inbox = _partners.get(key)
            if inbox is None:
                if op == "call" and key and key[0] == "j":
                    inbox = _partners[key] = Inbox()
                    _thread.start_new_thread(partner_main, (key, inbox))
                else:
                    if op == "call":
                        send({"op": "exc", "id": msg.get("id"), "k": key,
                              "mro": ["builtins.RuntimeError", "builtins.Exception", "builtins.BaseException"],
                              "msg": "pyconc agent: the Python thread of partner %s has ended" % key})
                    else:
                        sys.stderr.write("pyconc agent: reply for unknown thread %s dropped\n" % key)
                    continue
            inbox.put(msg)
        elif op == "echo":
            if msg.get("r"):
                send(msg)
            else:
                _echo(msg)
        elif op in CONTROL:
            try:
                v = CONTROL[op](msg)
                if v is not _LATER:
                    send({"op": "ctl", "id": msg.get("id"), "v": v})
            except BaseException as e:
                send({"op": "ctl", "id": msg.get("id"), "err": "%s: %s" % (qualname(type(e)), safe_str(e))})
        elif op == "exit":
            return
        else:
            sys.stderr.write("pyconc agent: unknown op %r\n" % (op,))


def _remove_multiprocessing_tempdir():
    """Removes the pymp-* folder multiprocessing made for this process (a forkserver's socket lives there).
    Python removes it at exit; the agent ends with os._exit, which skips that."""
    mp_process = sys.modules.get("multiprocessing.process")
    if mp_process is None:
        return
    try:
        tempdir = mp_process.current_process()._config.get("tempdir")
        if tempdir:
            import shutil
            shutil.rmtree(tempdir, ignore_errors=True)
    except Exception:
        pass


def _reader_main():
    _agent_idents.add(_thread.get_ident())
    try:
        reader()
    finally:
        sys.stderr.flush()
        _remove_multiprocessing_tempdir()
        # Do not wait for non-daemon threads a case may have left blocked, nor for the main thread.
        os._exit(0)


def main():
    # The agent runs with -E, so PYTHONDONTWRITEBYTECODE is ignored: no __pycache__ beside the agent's modules.
    sys.dont_write_bytecode = True
    _take_stdout()
    _take_stdin()
    try:
        import faulthandler
        faulthandler.enable()
    except Exception:
        pass
    # Python installs its SIGINT handler only when the parent has not set SIGINT aside; a run started as a
    # background job of a non-interactive shell has SIGINT ignored, inherited here. The cases are about the
    # default state the docs describe, so the agent puts Python's default handler in place.
    if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, signal.SIG_DFL, None):
        signal.signal(signal.SIGINT, signal.default_int_handler)
    _main_agent_code()
    inbox = _partners[_MAIN_KEY] = Inbox()
    _thread.start_new_thread(_reader_main, ())
    partner_main(_MAIN_KEY, inbox)


if __name__ == "__main__":
    main()

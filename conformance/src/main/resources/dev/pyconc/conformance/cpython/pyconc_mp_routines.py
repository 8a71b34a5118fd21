# pyconc's named child routines for multiprocessing cases (dev.pyconc.spi.multiprocessing.Routine): module-level
# functions, so that a spawn or forkserver child re-imports this module by name and finds them (the cpython
# adapter puts this file beside the agent script, whose folder is on sys.path and is inherited by children).
# Each function does exactly what the javadoc of its Routine constant says; nothing here runs at import time.
import os
import sys
import time

_GLOBAL = [None]  # set_global/get_global: one value per process


def _report(target, value):
    """Reports value to target: target.put(value) when it has put (the queues), target.send(value) otherwise."""
    if hasattr(target, "put"):
        target.put(value)
    else:
        target.send(value)


def _qualname(t):
    return "%s.%s" % (getattr(t, "__module__", "builtins"), getattr(t, "__qualname__", t.__name__))


def _attach(name):
    """Attaches the shared memory block name without registering it with the resource tracker (track=False,
    3.13+). Before 3.13 the registration is skipped while attaching: unregistering afterwards would remove the
    name from a tracker shared with the process that created the block."""
    from multiprocessing import shared_memory
    try:
        return shared_memory.SharedMemory(name=name, track=False)
    except TypeError:  # before 3.13: no track argument
        pass
    from multiprocessing import resource_tracker
    register = resource_tracker.register
    resource_tracker.register = lambda *args, **kwargs: None
    try:
        return shared_memory.SharedMemory(name=name)
    finally:
        resource_tracker.register = register


def noop():
    return None


def identity(x):
    return x


def square(x):
    return x * x


def add(a, b):
    return a + b


def fail(message):
    raise ValueError(message)


def exit(code):
    sys.exit(code)


def getpid(x=None):
    return os.getpid()


def set_global(value):
    _GLOBAL[0] = value


def get_global(x=None):
    return _GLOBAL[0]


def put(target, *values):
    for v in values:
        _report(target, v)


def report(target):
    import multiprocessing
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    _report(target, {
        "name": me.name,
        "pid": me.pid,
        "daemon": me.daemon,
        "authkey": bytes(me.authkey),
        "parent_pid": None if parent is None else parent.pid,
        "parent_name": None if parent is None else parent.name,
    })


def wait_message(conn):
    try:
        return conn.recv()
    except EOFError:
        return None


def wait_event(event, timeout, target):
    _report(target, event.wait(timeout))


def set_event(event):
    event.set()


def hold_lock(lock, conn):
    lock.acquire()
    try:
        conn.send("acquired")
        try:
            conn.recv()
        except EOFError:
            pass
    finally:
        lock.release()
    try:
        conn.send("released")
    except OSError:
        pass  # the other end is gone or this end closed


def acquire(lock, timeout, target):
    _report(target, lock.acquire(True, timeout))


def release(lock, target):
    try:
        lock.release()
    except BaseException as e:
        _report(target, _qualname(type(e)))
    else:
        _report(target, "released")


def increment(lock, shm_name, n, target):
    shm = _attach(shm_name)
    try:
        buf = shm.buf
        _report(target, "ready")
        deadline = time.monotonic() + 60
        while buf[8] == 0:
            if time.monotonic() >= deadline:
                raise TimeoutError("increment: byte 8 of %s stayed zero for 60 s" % shm_name)
            time.sleep(0.001)
        for _ in range(n):
            if lock is not None:
                lock.acquire()
            try:
                v = int.from_bytes(bytes(buf[0:8]), "little", signed=True)
                time.sleep(0)
                buf[0:8] = (v + 1).to_bytes(8, "little", signed=True)
            finally:
                if lock is not None:
                    lock.release()
        del buf
    finally:
        shm.close()


def relay(source, target, n):
    for _ in range(n):
        _report(target, source.get())


def consume(queue, n):
    for _ in range(n):
        queue.get()
        queue.task_done()


def condition_wait(cond, timeout, target):
    with cond:
        _report(target, "waiting")
        _report(target, cond.wait(timeout))


def notify_all(cond):
    with cond:
        cond.notify_all()


def barrier_wait(barrier, target):
    _report(target, barrier.wait())


def start_child(target):
    import multiprocessing
    try:
        child = multiprocessing.Process(target=noop)
        child.start()
        child.join()
    except BaseException as e:
        _report(target, _qualname(type(e)))
    else:
        _report(target, "started")


def shm_read(name, offset, length, target):
    shm = _attach(name)
    try:
        data = bytes(shm.buf[offset:offset + length])
    finally:
        shm.close()
    _report(target, data)


def shm_write(name, offset, data):
    shm = _attach(name)
    try:
        shm.buf[offset:offset + len(data)] = data
    finally:
        shm.close()


def await_gate(shm_name, value, timeout):
    shm = _attach(shm_name)
    try:
        deadline = None if timeout is None else time.monotonic() + timeout
        while shm.buf[0] == 0:
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("await_gate: byte 0 of %s stayed zero for %s s" % (shm_name, timeout))
            time.sleep(0.01)
    finally:
        shm.close()
    return value


def read_stdin(target):
    _report(target, None if sys.stdin is None else sys.stdin.read())


def guarded_wait(shm_name, timeout, target):
    try:
        _report(target, "waiting")
        await_gate(shm_name, None, timeout)
    finally:
        shm = _attach(shm_name)
        try:
            shm.buf[1] = 1
        finally:
            shm.close()


def spawn_grandchild(daemon, gate_shm_name, target):
    import multiprocessing
    child = multiprocessing.Process(target=await_gate, args=(gate_shm_name, None, 60.0), daemon=daemon)
    child.start()
    _report(target, child.pid)
    if not daemon:
        await_gate(gate_shm_name, None, 60.0)
        child.join()


def put_and_cancel(queue, value):
    queue.cancel_join_thread()
    queue.put(value)


def getppid(x=None):
    return os.getppid()

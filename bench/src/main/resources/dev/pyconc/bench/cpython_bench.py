"""CPython's side of pyconc's bench: times the operations of the bench's rows with timeit and prints JSON.

Usage: python cpython_bench.py [--repeat N] [--target-seconds S] ID...

Each ID names a row of dev.pyconc.bench.BenchRows; OPS below holds the Python code of each. An operation is
calibrated with timeit's autorange (which also warms it up), its loop count scaled so that one repeat takes about
--target-seconds, and timed --repeat times; the result is the best repeat, in nanoseconds per operation. timeit
turns the garbage collector off while it times, as it always does.

Standard output is one JSON object: {"implementation", "version", "sys_version", "executable", "repeat",
"target_seconds", "results": {ID: {"ns_per_op", "number", "ops_per_call", "repeats_ns_per_op"}}, "unknown": [ID...]}.
"""
import argparse
import json
import platform
import queue
import subprocess
import sys
import threading
import timeit


def _run_true():
    subprocess.run(["true"])


def _popen_wait_true():
    subprocess.Popen(["true"]).wait()


# --- threading: locks, semaphores, Event, Barrier, local ---
def _acquire_release(obj):
    acquire, release = obj.acquire, obj.release

    def op():
        acquire()
        release()
    return op


# Contended rows: two threads each do this many acquire+release pairs per call, at the same time; as JMH's
# @Threads(2) reports the average time of one thread's operation, a call counts N operations (each thread's N
# take the call's wall time; the threads' start and join are in it too, a few percent at this N).
_CONTENDED_N = 50_000


def _contended(obj):
    acquire, release = obj.acquire, obj.release

    def worker():
        for _ in range(_CONTENDED_N):
            acquire()
            release()

    def op():
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return op, _CONTENDED_N


_EVENT = threading.Event()
_EVENT.set()

# Barrier(2) rounds: the caller and one helper thread each wait this many times per call; a call is N rounds.
_BARRIER_ROUNDS = 1_000


def _barrier_rounds():
    barrier = threading.Barrier(2)

    def helper():
        for _ in range(_BARRIER_ROUNDS):
            barrier.wait()

    def op():
        t = threading.Thread(target=helper)
        t.start()
        for _ in range(_BARRIER_ROUNDS):
            barrier.wait()
        t.join()
    return op, _BARRIER_ROUNDS


_LOCAL = threading.local()
_LOCAL.x = 1


def _local_getattr():
    _LOCAL.x


LOCK_OPS = {
    "threading.Lock": _acquire_release(threading.Lock()),
    "threading.RLock": _acquire_release(threading.RLock()),
    "threading.Semaphore": _acquire_release(threading.Semaphore(1)),
    "threading.BoundedSemaphore": _acquire_release(threading.BoundedSemaphore(1)),
    "threading.Lock.contended": _contended(threading.Lock()),
    "threading.RLock.contended": _contended(threading.RLock()),
    "threading.Semaphore.contended": _contended(threading.Semaphore(1)),
    "threading.BoundedSemaphore.contended": _contended(threading.BoundedSemaphore(1)),
    "threading.Event.wait": _EVENT.wait,
    "threading.Barrier.wait": _barrier_rounds(),
    "threading.local.getattr": _local_getattr,
}
# --- end of threading ---
# --- concurrent.futures (ExecutorBenchmark's rows) ---
_EXECUTOR_BATCH = 20000
_executors = {}


def _executor():
    # One ThreadPoolExecutor(max_workers=2) for the whole run, made on first use (its two workers start with the
    # first tasks); concurrent.futures joins them at exit.
    pool = _executors.get("pool")
    if pool is None:
        import concurrent.futures
        pool = _executors["pool"] = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    return pool


def _noop():
    return None


def _executor_batch():
    submit = _executor().submit
    fs = [submit(_noop) for _ in range(_EXECUTOR_BATCH)]
    for f in fs:
        f.result()


def _executor_round_trip():
    _executor().submit(_noop).result()
# --- end concurrent.futures ---
# --- queue and Condition ---
def _nowait(q):
    put_nowait, get_nowait = q.put_nowait, q.get_nowait

    def op():
        put_nowait(1)
        get_nowait()
    return op


_HANDOFF_BATCH = 10_000  # QueueHandoffBenchmark.BATCH
_PING_PONG_ROUNDS = 100  # ConditionPingPongBenchmark.ROUNDS


def _handoff(q):
    """One producer, one consumer: the timed thread lets a daemon producer put a batch and gets every item."""
    go = threading.Semaphore(0)
    started = []

    def producer():
        put = q.put
        while True:
            go.acquire()
            for _ in range(_HANDOFF_BATCH):
                put(1)

    def op():
        if not started:
            threading.Thread(target=producer, daemon=True).start()
            started.append(True)
        go.release()
        get = q.get
        for _ in range(_HANDOFF_BATCH):
            get()
    return op, _HANDOFF_BATCH


def _ping_pong():
    """Two threads taking turns through one Condition(); the timed thread makes a batch of round trips."""
    cond = threading.Condition()
    helper_turn = [False]
    started = []

    def helper():
        with cond:
            while True:
                while not helper_turn[0]:
                    cond.wait()
                helper_turn[0] = False
                cond.notify()

    def op():
        if not started:
            threading.Thread(target=helper, daemon=True).start()
            started.append(True)
        for _ in range(_PING_PONG_ROUNDS):
            with cond:
                helper_turn[0] = True
                cond.notify()
                while helper_turn[0]:
                    cond.wait()
    return op, _PING_PONG_ROUNDS


_QUEUE_OPS = {
    "queue.Queue.nowait": lambda: _nowait(queue.Queue()),
    "queue.SimpleQueue.nowait": lambda: _nowait(queue.SimpleQueue()),
    "queue.LifoQueue.nowait": lambda: _nowait(queue.LifoQueue()),
    "queue.PriorityQueue.nowait": lambda: _nowait(queue.PriorityQueue()),
    "queue.Queue.1p1c": lambda: _handoff(queue.Queue()),
    "queue.Queue(1024).1p1c": lambda: _handoff(queue.Queue(1024)),
    "queue.SimpleQueue.1p1c": lambda: _handoff(queue.SimpleQueue()),
    "threading.Condition.pingpong": _ping_pong,
}
# --- end of queue and Condition ---


# Row id -> the operation, as the Python call the row names: a zero-argument callable timed once per operation,
# or (callable, n) for a callable that performs n operations per call (a batch moved through threads, say); its
# time is then divided by n, as JMH's @OperationsPerInvocation(n) does on the Java side.
OPS = {
    "subprocess.run": _run_true,
    "subprocess.Popen.wait": _popen_wait_true,
    **LOCK_OPS,
    # --- concurrent.futures ---
    "ThreadPoolExecutor.batch": (_executor_batch, _EXECUTOR_BATCH),
    "ThreadPoolExecutor.submit.result": _executor_round_trip,
    # --- end concurrent.futures ---
}
# The queue and Condition rows: their objects are made here; their helper threads start at their first call.
OPS.update({op_id: make() for op_id, make in _QUEUE_OPS.items()})


def measure(op, repeat, target_seconds):
    op, per_call = op if isinstance(op, tuple) else (op, 1)
    timer = timeit.Timer(op)
    number, taken = timer.autorange()
    number = max(1, round(number * target_seconds / max(taken, 1e-9)))
    times = timer.repeat(repeat=repeat, number=number)
    per_op = [t / (number * per_call) * 1e9 for t in times]
    return {"ns_per_op": min(per_op), "number": number, "ops_per_call": per_call, "repeats_ns_per_op": per_op}


def main(argv):
    parser = argparse.ArgumentParser(description="Times the bench's operations on this Python.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--target-seconds", type=float, default=1.0)
    parser.add_argument("ids", nargs="*")
    args = parser.parse_args(argv)
    results = {}
    unknown = []
    for op_id in args.ids:
        op = OPS.get(op_id)
        if op is None:
            unknown.append(op_id)
            continue
        print("cpython_bench: " + op_id, file=sys.stderr, flush=True)
        results[op_id] = measure(op, args.repeat, args.target_seconds)
    json.dump({
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "sys_version": sys.version,
        "executable": sys.executable,
        "repeat": args.repeat,
        "target_seconds": args.target_seconds,
        "results": results,
        "unknown": unknown,
    }, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])

/**
 * Cases for Python's {@code sched} module: {@code sched.scheduler}, its events and its run loop.
 *
 * <p>Almost every case drives the scheduler with a {@link dev.pyconc.spec.cases.sched.FakeClock}, the case's
 * own timefunc and delayfunc (after the Timer of CPython's test_sched), so outcomes depend on no real time:
 * a free-running clock jumps forward whenever delayfunc is called; a gated one lets delayfunc wait until the
 * case advances it, and tells the case when run() is waiting in it.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html">sched</a>
 */
package dev.pyconc.spec.cases.sched;

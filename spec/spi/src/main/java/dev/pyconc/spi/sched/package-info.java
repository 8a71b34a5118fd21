/**
 * The SPI of {@code sched}: {@link dev.pyconc.spi.sched.SchedModule}, {@link dev.pyconc.spi.sched.Scheduler}
 * and the {@link dev.pyconc.spi.sched.SchedEvent} it returns. Times are Python numbers as {@code double}, in
 * whatever unit the scheduler's {@code timefunc} uses.
 *
 * @see <a href="https://docs.python.org/3/library/sched.html">sched</a>
 */
package dev.pyconc.spi.sched;

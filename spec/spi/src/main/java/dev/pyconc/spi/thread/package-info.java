/**
 * The SPI of {@code _thread}, the low-level module under {@code threading}:
 * {@link dev.pyconc.spi.thread.ThreadModule}. Its lock objects are {@link dev.pyconc.spi.threading.Lock}s,
 * the same interface as {@code threading.Lock}.
 *
 * @see <a href="https://docs.python.org/3/library/_thread.html">_thread</a>
 */
package dev.pyconc.spi.thread;

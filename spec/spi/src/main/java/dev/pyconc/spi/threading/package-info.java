/**
 * The {@code threading} module as Java interfaces. Entry point: {@link dev.pyconc.spi.threading.ThreadingModule}.
 *
 * <p>Objects returned by an adapter keep their identity: the same Python object is always the same Java
 * object, so {@code assertSame(t, threading.currentThread())} means {@code t is threading.current_thread()}.
 *
 * @see <a href="https://docs.python.org/3/library/threading.html">threading</a>
 */
package dev.pyconc.spi.threading;

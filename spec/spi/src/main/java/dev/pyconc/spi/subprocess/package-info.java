/**
 * The SPI of Python's {@code subprocess} module: {@link dev.pyconc.spi.subprocess.SubprocessModule} with its
 * functions, {@link dev.pyconc.spi.subprocess.Popen}, {@link dev.pyconc.spi.subprocess.CompletedProcess}, the
 * keyword arguments ({@link dev.pyconc.spi.subprocess.PopenOptions}), the special stream values
 * ({@link dev.pyconc.spi.subprocess.Redirect}), pipes as file objects, and the few {@code os} functions cases
 * need ({@link dev.pyconc.spi.subprocess.Os}). Bytes cross as {@link dev.pyconc.spi.PyBytes}; the exceptions
 * are {@link dev.pyconc.spi.exceptions.SubprocessError} and its subclasses and the OSError subclasses.
 *
 * <p>POSIX only: the Windows-only parts (STARTUPINFO, creationflags) are catalogued as platform entries.
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
 */
package dev.pyconc.spi.subprocess;

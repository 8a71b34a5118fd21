/**
 * Cases for Python's {@code subprocess} module on POSIX: {@code run}, {@code Popen} and its methods, the older
 * call functions, the legacy shell functions and the module's exceptions.
 *
 * <p>Every adapter gets the same children and argv: POSIX tools only ({@code sh -c}, {@code cat}, {@code true},
 * {@code printf}, {@code id}, {@code pwd}, {@code env}, {@code head}, {@code readlink}, ...), never a Python
 * child, so no verdict depends on an interpreter being installed. A child that must still be running waits
 * on its standard input (a pipe the case holds the writing end of, made in the implementation with
 * {@code sm.os().pipe()}), never on a sleep. Whether a child runs, in which session and process group, and
 * which descriptors it has open is read from {@code /proc} (both the implementation and the JVM running the
 * cases are on the same machine, so paths and pids are shared). Every child a case starts is ended by the
 * case ({@link dev.pyconc.spec.cases.subprocess.Children#end}) and every wait is bounded; signal numbers are
 * Linux's ({@link dev.pyconc.spec.cases.subprocess.Signals}).
 *
 * @see <a href="https://docs.python.org/3/library/subprocess.html">subprocess</a>
 */
package dev.pyconc.spec.cases.subprocess;

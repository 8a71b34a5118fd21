/**
 * Cases for Python's {@code _thread} module (Java package {@code thread}: Java names do not start with an
 * underscore): {@code start_new_thread}, {@code exit}, identities, {@code stack_size}, and its lock objects.
 *
 * <p>The lock cases are {@link dev.pyconc.spec.cases.threading.LockContract}, the suite {@code threading.Lock}
 * runs too, bound here to {@code _thread.lock} twice: once for locks from {@code allocate_lock()}
 * ({@link AllocateLockCases}) and once for {@code LockType()} ({@link LockTypeCases}, 3.13+).
 *
 * <p>Threads started by {@code start_new_thread} cannot be joined; their cases wait for a flag the function
 * sets as its last action (plain JDK atomics, polled with {@code Harness.poll}) and assert on the case thread
 * what the function recorded.
 *
 * @see <a href="https://docs.python.org/3/library/_thread.html">_thread</a>
 */
package dev.pyconc.spec.cases.thread;

/**
 * Cases for Python's {@code contextvars} module: {@code ContextVar}, {@code Token}, {@code copy_context},
 * {@code Context} (run, the mapping methods, copy), and how contexts meet threads (each thread's own context
 * stack, {@code Thread(context=...)}, {@code sys.flags.thread_inherit_context}).
 *
 * <p>Every case makes its own ContextVars, so values left in a thread's context by an earlier case cannot be
 * seen. Where a case counts what a context holds, it works inside a fresh {@code Context()} entered with
 * {@code run}, never on the case thread's own context (which an adapter may reuse from case to case).
 *
 * @see <a href="https://docs.python.org/3/library/contextvars.html">contextvars</a>
 */
package dev.pyconc.spec.cases.contextvars;

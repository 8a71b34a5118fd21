/**
 * The {@code cpython} adapter: runs the spec's cases against a real Python interpreter over pipes.
 *
 * <p>A small agent script ({@code agent.py}, a resource of this package) runs in a child Python process and
 * speaks line-delimited JSON on its stdin/stdout. Each Java thread that calls the adapter is paired with one
 * Python thread (its <em>partner</em>) on which all of its calls run; a Python thread that calls a Java
 * callable (a Thread target, a Timer function, a Barrier action, a wait_for predicate, an excepthook) runs it
 * on its Java partner, or on a Java thread created to partner it. Python objects cross as handles with Java
 * proxies (one proxy per object, so identity is preserved); plain values cross by value; Python exceptions
 * cross as their MRO and message.
 */
package dev.pyconc.conformance.cpython;

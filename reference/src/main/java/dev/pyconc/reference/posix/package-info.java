/**
 * The C library as the reference's {@code subprocess} and {@code multiprocessing} both call it: one jnr-ffi
 * binding ({@link dev.pyconc.reference.posix.Posix}, its {@code posix_spawn} part bound lazily) and one registry
 * of threads inside possibly-blocking calls ({@link dev.pyconc.reference.posix.SysCalls}) that
 * {@code Adapter.isBlocked} reads.
 */
package dev.pyconc.reference.posix;

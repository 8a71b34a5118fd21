package dev.pyconc.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The call may wait in the implementation: for another thread (a lock, a condition, a queue, a join, a
 * pool's workers), for a timeout, or for Java code that it calls back (a thread target, a callback, a
 * predicate, a scheduler's action or clock). Declared once, here on the SPI method, for every adapter:
 * {@link Adapter#isBlocked(Thread)} may report a thread that is inside such a call, and an adapter that
 * forwards calls elsewhere (the cpython bridge) must let a call marked so wait and serve callbacks meanwhile.
 * A method without it returns without waiting for anything but its own work.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Blocking {}

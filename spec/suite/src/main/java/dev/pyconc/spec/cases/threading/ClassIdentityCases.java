package dev.pyconc.spec.cases.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pyconc.spec.harness.Checks;
import dev.pyconc.spec.harness.PyCase;
import dev.pyconc.spi.Adapter;
import dev.pyconc.spi.Builtins;
import dev.pyconc.spi.threading.ThreadingModule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases for what the {@code threading} names are: classes whose instances the constructors return, or (for
 * {@code RLock}) a factory function. Asked through {@link Adapter#builtins()}.
 */
@PyCase
class ClassIdentityCases {

    /** {@code name} is a class, {@code obj} is an instance of it, and the class is in type(obj).__mro__. */
    private static void assertClassOf(Builtins b, String name, Object obj) {
        assertTrue(b.isClass(name), name + " is not a class");
        assertTrue(b.isinstance(obj, name), "isinstance(" + obj + ", " + name + ")");
        List<String> mro = b.typeMro(obj);
        assertEquals("builtins.object", mro.get(mro.size() - 1), "type(obj).__mro__ = " + mro);
    }

    /** threading.Lock is a class (3.13+), and what Lock() returns is an instance of it. */
    @Test
    @Checks("threading.Lock/is-a-class")
    void lockIsAClass(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertClassOf(b, "threading.Lock", threading.lock());
        assertFalse(b.isinstance(threading.event(), "threading.Lock"), "an Event is not a Lock");
    }

    /** threading.Condition is a class, and a Condition (with its own or a given lock) is an instance of it. */
    @Test
    @Checks("threading.Condition/is-a-class")
    void conditionIsAClass(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertClassOf(b, "threading.Condition", threading.condition());
        assertClassOf(b, "threading.Condition", threading.condition(threading.lock()));
        assertFalse(b.isinstance(threading.lock(), "threading.Condition"), "a Lock is not a Condition");
    }

    /** threading.Semaphore is a class, and Semaphore(n) returns an instance of it. */
    @Test
    @Checks("threading.Semaphore/is-a-class")
    void semaphoreIsAClass(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertClassOf(b, "threading.Semaphore", threading.semaphore(2));
        assertFalse(b.isinstance(threading.event(), "threading.Semaphore"), "an Event is not a Semaphore");
    }

    /** threading.BoundedSemaphore is a class, and BoundedSemaphore(n) returns an instance of it. */
    @Test
    @Checks("threading.BoundedSemaphore/is-a-class")
    void boundedSemaphoreIsAClass(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertClassOf(b, "threading.BoundedSemaphore", threading.boundedSemaphore(2));
        assertFalse(b.isinstance(threading.semaphore(2), "threading.BoundedSemaphore"),
                "a plain Semaphore is not a BoundedSemaphore");
    }

    /** threading.Event is a class, and Event() returns an instance of it. */
    @Test
    @Checks("threading.Event/is-a-class")
    void eventIsAClass(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertClassOf(b, "threading.Event", threading.event());
        assertFalse(b.isinstance(threading.lock(), "threading.Event"), "a Lock is not an Event");
    }

    /** threading.RLock is not a class but a factory: the object it returns is of a class named otherwise. */
    @Test
    @Checks("threading.RLock/factory-function")
    void rlockIsAFactory(Adapter adapter, ThreadingModule threading) {
        Builtins b = adapter.builtins();
        assertFalse(b.isClass("threading.RLock"), "threading.RLock is a class");
        List<String> mro = b.typeMro(threading.rlock());
        assertFalse(mro.contains("threading.RLock"), "type(RLock()).__mro__ = " + mro);
        assertTrue(b.isClass(mro.get(0)), mro.get(0) + " is not a class");
    }
}

package io.wabill.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The lanes of a parallel simulate hand copies of the engine's reused line to the thread that writes the ledger:
 * a field that {@link LedgerLine#copyFrom} forgot would print the wrong cell in a parallel run only.
 */
class LedgerLineCopyTest {
    @Test
    void aCopyHasEveryFieldOfTheOriginal() throws ReflectiveOperationException {
        LedgerLine original = new LedgerLine();
        int n = 0;
        for (Field f : LedgerLine.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            f.setAccessible(true);
            f.set(original, distinct(f.getType(), ++n));
        }
        LedgerLine copy = new LedgerLine();
        copy.copyFrom(original);
        for (Field f : LedgerLine.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            assertNotEquals(f.get(new LedgerLine()), f.get(original), f.getName() + " was set to a value of its own");
            assertEquals(f.get(original), f.get(copy), f.getName());
        }
    }

    /** A value of the type unlike a new line's default. */
    private static Object distinct(Class<?> type, int n) throws ReflectiveOperationException {
        if (type == long.class) return 1000L + n;
        if (type == int.class) return 1000 + n;
        if (type == String.class) return "value" + n;
        if (type == BigDecimal.class) return BigDecimal.valueOf(n, 2);
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            return values[values.length - 1];
        }
        if (type.isRecord()) {
            var components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = distinct(types[i], n * 10 + i);
            }
            return type.getDeclaredConstructor(types).newInstance(args);
        }
        throw new AssertionError("no distinct value for a field of type " + type + ": extend this test");
    }
}

package io.boat.kms.testing;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An in-memory stand-in for the database behind an {@link EntityManager}, for unit tests of one
 * service: {@code find}, {@code persist} and {@code remove} by the entity's {@code id} field, and
 * {@link #inTransaction} which undoes every change when its work throws, as a rolled-back JTA
 * transaction does. Any other EntityManager call fails the test loudly.
 */
public final class FakeEntities {

    private final Map<List<Object>, Object> rows = new LinkedHashMap<>();

    public EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityManager.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> rows.get(List.of(args[0], args[1]));
                    case "persist" -> rows.put(key(args[0]), args[0]);
                    case "remove" -> rows.remove(key(args[0]));
                    default -> throw new UnsupportedOperationException("FakeEntities has no " + method.getName());
                });
    }

    public <T> T find(Class<T> type, Object id) {
        return type.cast(rows.get(List.of(type, id)));
    }

    public void put(Object entity) {
        rows.put(key(entity), entity);
    }

    public <T> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        rows.forEach((k, v) -> {
            if (k.get(0) == type) {
                found.add(type.cast(v));
            }
        });
        return found;
    }

    /** Runs {@code work}; if it throws, every row is put back as it was before and the exception goes on. */
    public <T> T inTransaction(Supplier<T> work) {
        Map<List<Object>, Object> before = new LinkedHashMap<>(rows);
        Map<Object, Map<Field, Object>> states = new HashMap<>();
        before.values().forEach(e -> states.put(e, state(e)));
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            rows.clear();
            rows.putAll(before);
            states.forEach(FakeEntities::restore);
            throw e;
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static List<Object> key(Object entity) {
        return List.of(entity.getClass(), fieldValue(entity, "id"));
    }

    /** Sets a package-private field of a bean, as the container's injection would. */
    public static void inject(Object target, String field, Object value) {
        try {
            Field f = findField(target.getClass(), field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object fieldValue(Object target, String field) {
        try {
            Field f = findField(target.getClass(), field);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field findField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static Map<Field, Object> state(Object entity) {
        Map<Field, Object> state = new HashMap<>();
        for (Field f : entity.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                try {
                    state.put(f, f.get(entity));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return state;
    }

    private static void restore(Object entity, Map<Field, Object> state) {
        state.forEach((f, v) -> {
            try {
                f.set(entity, v);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

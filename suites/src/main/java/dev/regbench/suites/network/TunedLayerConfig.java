package dev.regbench.suites.network;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Copies a DL4J layer configuration into regbench's subclass of it, field by field. */
final class LayerConfigCopy {
    private LayerConfigCopy() {
    }

    /**
     * Copies every instance field of {@code type} and its superclasses, so that no setting can be forgotten
     * (tests compare the two configurations' JSON).
     *
     * @param stock the configuration built with DL4J's builder
     * @param type  the class whose fields (and its superclasses') are copied
     * @param copy  a fresh instance of the subclass
     * @param <T>   the subclass
     * @return {@code copy}, now with {@code stock}'s settings
     */
    static <T> T copy(Object stock, Class<?> type, T copy) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    f.set(copy, f.get(stock));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + type.getSimpleName() + "." + f.getName(), e);
                }
            }
        }
        return copy;
    }
}

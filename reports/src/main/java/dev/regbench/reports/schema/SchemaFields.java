package dev.regbench.reports.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON fields of a schema record type, derived from its components (with {@code @JsonProperty} renames): the
 * one list that {@code reports/SCHEMA.md}'s field index is checked against, and that a reader uses to set aside
 * the fields a newer minor version added.
 */
public final class SchemaFields {
    private SchemaFields() {
    }

    /**
     * One field.
     *
     * @param path dotted JSON path, arrays written {@code []}, e.g. {@code epochs[].train.loss}
     * @param type its JSON type, e.g. {@code integer}, {@code number}, {@code string (completed, diverged)},
     *             {@code object}, {@code array of number}, {@code object of number}
     */
    public record Field(String path, String type) {
    }

    /**
     * @param record a schema record type
     * @return every field, depth first, in component order
     */
    public static List<Field> of(Class<?> record) {
        List<Field> fields = new ArrayList<>();
        collect(record, "", fields);
        return fields;
    }

    private static void collect(Class<?> record, String prefix, List<Field> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + key(c);
            Class<?> type = c.getType();
            if (type.isRecord()) {
                out.add(new Field(path, "object"));
                collect(type, path + ".", out);
            } else if (List.class.isAssignableFrom(type)) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                Class<?> elementClass = element instanceof Class<?> k ? k : Object.class;
                if (elementClass.isRecord()) {
                    out.add(new Field(path, "array of object"));
                    collect(elementClass, path + "[].", out);
                } else {
                    out.add(new Field(path, "array of " + json(elementClass)));
                }
            } else if (Map.class.isAssignableFrom(type)) {
                Type value = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[1];
                out.add(new Field(path, "object of " + json(value instanceof Class<?> k ? k : Object.class)));
            } else {
                out.add(new Field(path, json(type)));
            }
        }
    }

    private static String key(RecordComponent c) {
        JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class); // the annotation lands on the accessor
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
    }

    private static String json(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "string (" + Arrays.stream(type.getEnumConstants()).map(e -> enumValue((Enum<?>) e))
                    .collect(Collectors.joining(", ")) + ")";
        }
        return "string";
    }

    private static String enumValue(Enum<?> e) {
        try {
            JsonProperty p = e.getDeclaringClass().getField(e.name()).getAnnotation(JsonProperty.class);
            return p != null ? p.value() : e.name().toLowerCase(Locale.ROOT);
        } catch (NoSuchFieldException x) {
            return e.name();
        }
    }

    /**
     * Removes, in place, every key of {@code tree} that {@code record} does not define, at any depth (the free keys
     * of map-valued fields are kept).
     *
     * @param tree   a JSON object meant to bind to {@code record}
     * @param record the schema record type
     * @return the removed fields' paths, as in {@link Field#path}
     */
    public static Set<String> stripUnknown(ObjectNode tree, Class<?> record) {
        Set<String> removed = new LinkedHashSet<>();
        strip(tree, record, "", removed);
        return removed;
    }

    private static void strip(JsonNode node, Class<?> record, String prefix, Set<String> removed) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(SchemaFields::key, c -> c));
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            RecordComponent c = components.get(name);
            if (c == null) {
                removed.add(prefix + name);
                it.remove();
                continue;
            }
            JsonNode value = object.get(name);
            if (c.getType().isRecord()) {
                strip(value, c.getType(), prefix + name + ".", removed);
            } else if (List.class.isAssignableFrom(c.getType()) && value.isArray()) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> k && k.isRecord()) {
                    for (JsonNode item : value) {
                        strip(item, k, prefix + name + "[].", removed);
                    }
                }
            }
        }
    }
}

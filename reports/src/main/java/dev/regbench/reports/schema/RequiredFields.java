package dev.regbench.reports.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Schema rule the JSON binder cannot express on its own: every primitive component of a schema record
 * (a number or boolean that has no "absent" value) must be present in the file, so a missing
 * {@code trainLoss} is an error instead of a silent 0. Object-valued fields may be absent where the schema
 * allows it; {@link RunResultFiles} checks the required ones.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    /**
     * @param node JSON object to check
     * @param type the record it must bind to
     * @return the path of the first missing primitive field, or null if none is missing
     */
    static String firstMissing(JsonNode node, Class<?> type) {
        return firstMissing(node, type, "");
    }

    private static String firstMissing(JsonNode node, Class<?> type, String path) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return null;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            com.fasterxml.jackson.annotation.JsonProperty renamed = // the annotation lands on the accessor
                    c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            String key = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            String here = path.isEmpty() ? key : path + "." + key;
            JsonNode value = node.get(key);
            if (c.getType().isPrimitive()) {
                if (value == null || value.isNull()) {
                    return here;
                }
            } else if (value != null && c.getType().isRecord()) {
                String missing = firstMissing(value, c.getType(), here);
                if (missing != null) {
                    return missing;
                }
            } else if (value != null && value.isArray() && List.class.isAssignableFrom(c.getType())) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    for (int i = 0; i < value.size(); i++) {
                        String missing = firstMissing(value.get(i), elementClass, here + "[" + i + "]");
                        if (missing != null) {
                            return missing;
                        }
                    }
                }
            }
        }
        return null;
    }
}

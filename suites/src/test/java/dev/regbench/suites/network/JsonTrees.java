package dev.regbench.suites.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/** Edits parsed JSON configurations so that tests can compare what is left. */
public final class JsonTrees {
    private JsonTrees() {
    }

    /**
     * Removes, anywhere in the tree, every object field for which {@code remove} holds.
     *
     * @return how many fields were removed
     */
    public static int removeFields(JsonNode tree, BiPredicate<String, JsonNode> remove) {
        List<JsonNode> stack = new ArrayList<>(List.of(tree));
        int removed = 0;
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (remove.test(name, o.get(name))) {
                        o.remove(name);
                        removed++;
                    }
                }
            }
            n.elements().forEachRemaining(stack::add);
        }
        return removed;
    }
}

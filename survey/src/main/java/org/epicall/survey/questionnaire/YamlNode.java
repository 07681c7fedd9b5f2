package org.epicall.survey.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A node of the questionnaire tree with its path, as shown to users and as a JSON pointer. */
record YamlNode(JsonNode node, String path, String pointer) {

    static YamlNode root(JsonNode node) {
        return new YamlNode(node, "", "");
    }

    YamlNode get(String key) {
        return new YamlNode(node == null ? null : node.get(key),
                path.isEmpty() ? key : path + "." + key,
                pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
    }

    YamlNode at(int index) {
        return new YamlNode(node == null ? null : node.get(index), path + "[" + index + "]", pointer + "/" + index);
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    boolean isMap() {
        return node != null && node.isObject();
    }

    boolean isList() {
        return node != null && node.isArray();
    }

    boolean isScalar() {
        return node != null && node.isValueNode() && !node.isNull();
    }

    List<YamlNode> elements() {
        List<YamlNode> elements = new ArrayList<>();
        if (isList()) {
            for (int i = 0; i < node.size(); i++) {
                elements.add(at(i));
            }
        }
        return elements;
    }

    List<String> keys() {
        return isMap() ? List.copyOf(node.propertyNames()) : List.of();
    }

    List<Map.Entry<String, YamlNode>> entries() {
        return keys().stream().map(key -> Map.entry(key, get(key))).toList();
    }

    /** The scalar as text (numbers and booleans as written), or {@code null} for a container. */
    String text() {
        return isScalar() ? node.asString() : null;
    }

    /** Short description for messages: what the user actually wrote. */
    String describe() {
        if (isMissing()) {
            return "nothing";
        }
        if (isMap()) {
            return "a map";
        }
        if (isList()) {
            return "a list";
        }
        return "'" + node.asString() + "'";
    }
}

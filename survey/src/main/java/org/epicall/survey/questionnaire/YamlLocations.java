package org.epicall.survey.questionnaire;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;

/**
 * Where each node of a YAML document starts, by JSON pointer ({@code /questions/3/range/max}), so
 * that problems found in the tree can name a line. Jackson's tree nodes do not keep locations.
 */
final class YamlLocations {

    record Location(int line, int column) {
        static final Location UNKNOWN = new Location(0, 0);
    }

    private final Map<String, Location> byPointer;

    private YamlLocations(Map<String, Location> byPointer) {
        this.byPointer = byPointer;
    }

    static YamlLocations none() {
        return new YamlLocations(Map.of());
    }

    /** Indexes {@code yaml}, which must already be known to parse. */
    static YamlLocations index(ObjectMapper mapper, String yaml) {
        Map<String, Location> found = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = pointerOf(parser, token);
                TokenStreamLocation location = parser.currentTokenLocation();
                found.putIfAbsent(pointer, new Location(location.getLineNr(), location.getColumnNr()));
            }
        }
        return new YamlLocations(Map.copyOf(found));
    }

    private static String pointerOf(JsonParser parser, JsonToken token) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            // The context of a start token is the new container; its parent holds the position.
            var parent = parser.streamReadContext().getParent();
            return parent == null ? "" : parent.pathAsPointer().toString();
        }
        return parser.streamReadContext().pathAsPointer().toString();
    }

    /**
     * The location of the node at {@code pointer}, else of its nearest ancestor that has one (a
     * missing key is reported where its map is). The document start is no useful location for a
     * missing top-level key, so that case is unknown.
     */
    Location find(String pointer) {
        String current = pointer;
        while (!current.isEmpty()) {
            Location location = byPointer.get(current);
            if (location != null) {
                return location;
            }
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
        return pointer.isEmpty() ? byPointer.getOrDefault("", Location.UNKNOWN) : Location.UNKNOWN;
    }
}

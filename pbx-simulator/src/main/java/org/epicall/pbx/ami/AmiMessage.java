package org.epicall.pbx.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One AMI message: ordered {@code Name: value} headers. Immutable once built. */
public final class AmiMessage {

    private final List<String> names;
    private final List<String> values;

    private AmiMessage(List<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of header {@code name}, in order. */
    public List<String> getAll(String name) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                all.add(values.get(i));
            }
        }
        return all;
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    public String value(int index) {
        return values.get(index);
    }

    /** The wire form: each header as {@code Name: value} CRLF, then a blank CRLF line. */
    public byte[] toBytes() {
        int length = 2;
        for (int i = 0; i < names.size(); i++) {
            length += names.get(i).length() + values.get(i).length() + 4;
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < names.size(); i++) {
            text.append(names.get(i)).append(": ").append(values.get(i)).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** Builds a message header by header. Not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        public Builder add(String name, Object value) {
            names.add(name);
            values.add(value == null ? "" : String.valueOf(value));
            return this;
        }

        /** Adds {@code ActionID} if the request carried one, as Asterisk echoes it. */
        public Builder actionId(String actionId) {
            return actionId == null ? this : add("ActionID", actionId);
        }

        public AmiMessage build() {
            return new AmiMessage(List.copyOf(names), List.copyOf(values));
        }
    }
}

package org.epicall.pbx.ami;

import java.util.List;
import java.util.Objects;

/**
 * A manager.conf user: name, secret, the permission classes it may read (events) and write (actions), and its
 * {@code eventfilter} lines.
 *
 * @param read         comma-separated classes, e.g. {@code call,agi} or {@code all}
 * @param write        comma-separated classes, e.g. {@code originate} or {@code all}
 * @param eventFilters regular expressions, {@code !} first to exclude (see {@link EventFilter}); empty for all
 */
public record AmiUser(String username, String secret, String read, String write, List<String> eventFilters) {

    public AmiUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Privilege.parse(read);
        Privilege.parse(write);
        eventFilters = List.copyOf(eventFilters);
        EventFilter.of(eventFilters);
    }

    /** A user who receives every event it may read. */
    public AmiUser(String username, String secret, String read, String write) {
        this(username, secret, read, write, List.of());
    }

    /** The reference full-rights user from config/manager.conf: {@code dialer} / {@code secret}, read and write all. */
    public static AmiUser fullRights(String username, String secret) {
        return new AmiUser(username, secret, "all", "all");
    }

    /** The reference minimal user from config/manager.conf: read {@code call,agi}, write {@code originate}. */
    public static AmiUser minimal(String username, String secret) {
        return new AmiUser(username, secret, "call,agi", "originate");
    }

    public AmiUser withEventFilters(List<String> filters) {
        return new AmiUser(username, secret, read, write, filters);
    }

    int readMask() {
        return Privilege.parse(read);
    }

    int writeMask() {
        return Privilege.parse(write);
    }

    EventFilter eventFilter() {
        return EventFilter.of(eventFilters);
    }
}

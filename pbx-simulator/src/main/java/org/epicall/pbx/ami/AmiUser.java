package org.epicall.pbx.ami;

import java.util.Objects;

/**
 * A manager.conf user: name, secret, and the permission classes it may read (events) and write (actions).
 *
 * @param read  comma-separated classes, e.g. {@code call,agi} or {@code all}
 * @param write comma-separated classes, e.g. {@code originate} or {@code all}
 */
public record AmiUser(String username, String secret, String read, String write) {

    public AmiUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Privilege.parse(read);
        Privilege.parse(write);
    }

    /** The reference full-rights user from config/manager.conf: {@code dialer} / {@code secret}, read and write all. */
    public static AmiUser fullRights(String username, String secret) {
        return new AmiUser(username, secret, "all", "all");
    }

    /** The reference minimal user from config/manager.conf: read {@code call,agi}, write {@code originate}. */
    public static AmiUser minimal(String username, String secret) {
        return new AmiUser(username, secret, "call,agi", "originate");
    }

    int readMask() {
        return Privilege.parse(read);
    }

    int writeMask() {
        return Privilege.parse(write);
    }
}

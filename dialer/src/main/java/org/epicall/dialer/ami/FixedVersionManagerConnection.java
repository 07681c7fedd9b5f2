package org.epicall.dialer.ami;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * asterisk-java's connection without its version probe. The probe sends CoreSettings and then
 * {@code core show version}, which a minimal-rights AMI user ({@code read=call,agi},
 * {@code write=originate}) is not allowed to run; the dialer needs nothing version-specific beyond
 * Asterisk 13+ behaviour (comma-separated variables, ChannelId).
 */
final class FixedVersionManagerConnection extends ManagerConnectionImpl {

    @Override
    protected AsteriskVersion determineVersion() {
        return AsteriskVersion.ASTERISK_22;
    }
}

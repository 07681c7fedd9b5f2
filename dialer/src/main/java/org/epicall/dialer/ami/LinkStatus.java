package org.epicall.dialer.ami;

/**
 * The state of the AMI session with one Asterisk server.
 *
 * @param server        the server's name
 * @param up            logged in now
 * @param problem       why it is not up (the last connect or login failure, or why the session was lost);
 *                      null while up or before the first attempt ended
 * @param loginRefused  the server answered and refused the username and secret: retrying alone will not help
 */
public record LinkStatus(String server, boolean up, String problem, boolean loginRefused) {

    /** Neither up nor failed yet: the first connection attempt is under way. */
    public boolean connecting() {
        return !up && problem == null;
    }
}

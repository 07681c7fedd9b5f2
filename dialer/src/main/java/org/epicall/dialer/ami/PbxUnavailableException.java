package org.epicall.dialer.ami;

/** An action could not be sent because the AMI session is down or the write failed. */
public final class PbxUnavailableException extends RuntimeException {

    public PbxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

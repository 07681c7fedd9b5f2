package org.epicall.campaign.roster;

/** A roster phone number that cannot be dialled; the message says why, naming the number. */
public class InvalidPhoneNumberException extends RuntimeException {

    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}

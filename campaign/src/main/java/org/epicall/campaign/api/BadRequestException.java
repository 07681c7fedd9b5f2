package org.epicall.campaign.api;

/** A request parameter with a value the API cannot use. */
class BadRequestException extends RuntimeException {

    private final String field;

    BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}

package org.epicall.campaign.api;

/** Something the request names that does not exist. */
class NotFoundException extends RuntimeException {

    private final String type;

    /**
     * @param type    problem type, appended to the problem type base, e.g. {@code questionnaire-not-found}
     * @param message what is missing and where to find what exists
     */
    NotFoundException(String type, String message) {
        super(message);
        this.type = type;
    }

    String type() {
        return type;
    }
}

package org.epicall.campaign.api;

/** Checks the offset and limit of a paged list. */
final class Paging {

    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    static int offset(int value) {
        return check("offset", value, Integer.MAX_VALUE);
    }

    static int limit(int value) {
        return check("limit", value, MAX_LIMIT);
    }

    private static int check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new BadRequestException(name, name + " must be between 0 and " + max + ", was " + value);
        }
        return value;
    }
}

package org.epicall.campaign.roster;

/**
 * A valid roster row on its way to the database.
 *
 * @param contact the contact it becomes
 * @param claimed whether its number was not yet taken by another row of the import when it was read;
 *                a row read later than another with its number is parked until all partitions are
 *                done, since the number's first line may still be ahead in an earlier partition
 */
record CandidateContact(ImportedContact contact, boolean claimed) {
}

package org.epicall.campaign.roster;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates one roster row and normalises it: E.164 number, time zone, language, and the do-not-call
 * list. Rejections carry the line and the reason. The first row to claim a number becomes its contact;
 * later ones are only marked unclaimed, because with partitions read in parallel the first to claim is
 * not always the first line: {@link DuplicateResolver} settles them once every partition is done.
 *
 * <p>One instance per partition; not thread-safe itself, but {@code claims} is shared by all the
 * partitions of a run and must hold the numbers the campaign already has (from an earlier, interrupted
 * run of the same import).
 */
class ContactNormalizer implements ItemProcessor<RosterLine, CandidateContact> {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int MAX_NAME = 200;

    private final String campaignId;
    private final ContactReferences references;
    private final String defaultRegion;
    private final String defaultLanguage;
    private final ConcurrentMap<Long, Integer> claims;
    private final Set<Long> doNotCall;

    ContactNormalizer(String campaignId, ContactReferences references, String defaultRegion, String defaultLanguage,
                      ConcurrentMap<Long, Integer> claims, Set<Long> doNotCall) {
        this.campaignId = campaignId;
        this.references = references;
        this.defaultRegion = defaultRegion;
        this.defaultLanguage = defaultLanguage;
        this.claims = claims;
        this.doNotCall = doNotCall;
    }

    @Override
    public CandidateContact process(RosterLine line) {
        if (isBlank(line)) {
            return null;
        }
        int lineNumber = line.lineNumber();
        ValidPhoneNumber number;
        try {
            number = PhoneNumbers.read(line.field(RosterColumns.PHONE), defaultRegion);
        } catch (InvalidPhoneNumberException e) {
            throw new RejectedRowException(lineNumber, e.getMessage());
        }
        String e164 = PhoneNumbers.e164(number.number());
        long key = PhoneNumbers.key(e164);
        ZoneId zone = zone(line, number, e164);
        String language = language(line);
        String name = line.field(RosterColumns.NAME);
        if (name.length() > MAX_NAME) {
            throw new RejectedRowException(lineNumber, "name is " + name.length() + " characters long; at most "
                    + MAX_NAME + " are allowed");
        }
        if (doNotCall.contains(key)) {
            throw new RejectedRowException(lineNumber, "phone " + e164 + " is on the do-not-call list");
        }
        Integer claimedBy = claims.putIfAbsent(key, lineNumber);
        return new CandidateContact(new ImportedContact(campaignId, references.of(campaignId, lineNumber),
                lineNumber, e164, name.isEmpty() ? null : name, zone, language),
                claimedBy == null || claimedBy == lineNumber);
    }

    private static boolean isBlank(RosterLine line) {
        for (String value : line.fields().values()) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ZoneId zone(RosterLine line, ValidPhoneNumber number, String e164) {
        String written = line.field(RosterColumns.TIME_ZONE);
        if (!written.isEmpty()) {
            try {
                return ZoneId.of(written);
            } catch (DateTimeException e) {
                throw new RejectedRowException(line.lineNumber(), "timezone '" + written
                        + "' is not an IANA time zone such as Asia/Seoul or America/New_York");
            }
        }
        return PhoneNumbers.zoneOf(number).orElseThrow(() -> new RejectedRowException(line.lineNumber(),
                "phone " + e164 + " does not tell its time zone (candidates: "
                        + String.join(", ", PhoneNumbers.candidateZones(number.number())) + "); fill the timezone column"));
    }

    private String language(RosterLine line) {
        String written = line.field(RosterColumns.LANGUAGE);
        if (written.isEmpty()) {
            return defaultLanguage;
        }
        if (!LANGUAGE.matcher(written).matches()) {
            throw new RejectedRowException(line.lineNumber(), "language '" + written
                    + "' is not a language code such as ko or en");
        }
        return written;
    }
}

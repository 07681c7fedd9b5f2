package org.epicall.campaign.roster;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * Reads roster phone numbers with libphonenumber. Thread-safe (libphonenumber's singletons are).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();
    /** libphonenumber rejects longer input as too long before reading it. */
    private static final int MAX_INPUT_LENGTH = 250;
    /** Zones of the numbers libphonenumber does not place geographically: they depend on the country code only. */
    private static final Map<Integer, List<String>> COUNTRY_ZONES = new ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /**
     * Parses and validates a number as written in a roster.
     *
     * @param raw           the cell as written, e.g. {@code 010-1234-5678} or {@code +1 212 555 0100}
     * @param defaultRegion region for numbers written without a country code, e.g. {@code KR}
     * @return the parsed number
     * @throws InvalidPhoneNumberException with a reason that names the number and the region
     */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        return read(raw, defaultRegion).number();
    }

    /**
     * As {@link #parse}, keeping the number's type for {@link #zoneOf(ValidPhoneNumber)}.
     *
     * @throws InvalidPhoneNumberException with a reason that names the number and the region
     */
    public static ValidPhoneNumber read(String raw, String defaultRegion) {
        String trimmed = raw == null ? "" : raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidPhoneNumberException("phone is empty");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(withoutSeparators(trimmed), defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("phone '" + trimmed + "' is not a phone number ("
                    + e.getErrorType().name().toLowerCase().replace('_', ' ') + ")");
        }
        // isValidNumber is exactly "the type is known" (a property test holds it to that); asking for the
        // type instead classifies the number once for validation and time zone both.
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            String region = trimmed.startsWith("+") ? UTIL.getRegionCodeForCountryCode(number.getCountryCode())
                    : defaultRegion;
            throw new InvalidPhoneNumberException("phone '" + trimmed + "' is not a valid "
                    + ("ZZ".equals(region) ? "" : region + " ") + "number");
        }
        return new ValidPhoneNumber(number, type);
    }

    /**
     * The cell without its dashes, spaces and dots when it holds nothing but digits, those separators
     * and a leading plus; otherwise the cell unchanged. libphonenumber's parse runs its viability and
     * extension regexes over every character (most of a roster import's CPU time); such a cell cannot
     * carry an extension and parses to the same number compacted. Cells with fewer than three digits or
     * over libphonenumber's 250-character limit are left alone so their rejection reason stays the same.
     */
    static String withoutSeparators(String cell) {
        if (cell.length() > MAX_INPUT_LENGTH) {
            return cell;
        }
        StringBuilder digits = new StringBuilder(cell.length());
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9' || c == '+' && i == 0) {
                digits.append(c);
            } else if (c != '-' && c != ' ' && c != '.') {
                return cell;
            }
        }
        int digitCount = digits.length() - (cell.charAt(0) == '+' ? 1 : 0);
        return digitCount >= 3 ? digits.toString() : cell;
    }

    /** The number in E.164, e.g. {@code +821012345678}. */
    public static String e164(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** E.164 digits as a number: exact (at most 15 digits) and cheap to keep in memory for de-duplication. */
    public static long key(String e164) {
        return Long.parseLong(e164.substring(1));
    }

    /**
     * The time zone of the number, when libphonenumber places it in exactly one.
     *
     * @return the zone, or empty when the number spans several zones or none is known
     */
    public static Optional<ZoneId> zoneOf(PhoneNumber number) {
        return single(ZONES.getTimeZonesForNumber(number));
    }

    /**
     * As {@link #zoneOf(PhoneNumber)}, without classifying the number again: the same answer as
     * libphonenumber's {@code getTimeZonesForNumber}, which looks a geographical number up by its prefix and
     * gives any other number its country's zones.
     */
    public static Optional<ZoneId> zoneOf(ValidPhoneNumber valid) {
        PhoneNumber number = valid.number();
        if (UTIL.isNumberGeographical(valid.type(), number.getCountryCode())) {
            return single(ZONES.getTimeZonesForGeographicalNumber(number));
        }
        return single(COUNTRY_ZONES.computeIfAbsent(number.getCountryCode(), code -> ZONES.getTimeZonesForNumber(number)));
    }

    private static Optional<ZoneId> single(List<String> zones) {
        if (zones.size() != 1 || PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(zones.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(zones.getFirst()));
    }

    /** The zones libphonenumber knows for the number (for error messages). */
    public static List<String> candidateZones(PhoneNumber number) {
        return ZONES.getTimeZonesForNumber(number);
    }
}

package org.epicall.campaign.roster;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A number libphonenumber accepts as valid, with the type it classified it as: classifying runs the
 * number against its region's patterns, so the type is kept for the time zone rather than computed again.
 *
 * @param number the parsed number
 * @param type   its type; never {@link PhoneNumberType#UNKNOWN}
 */
public record ValidPhoneNumber(PhoneNumber number, PhoneNumberType type) {

    public ValidPhoneNumber {
        if (type == PhoneNumberType.UNKNOWN) {
            throw new IllegalArgumentException("a valid number has a known type");
        }
    }
}

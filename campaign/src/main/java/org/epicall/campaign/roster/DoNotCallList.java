package org.epicall.campaign.roster;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static org.epicall.campaign.storage.SqlTime.utc;

/** Numbers that no campaign may call. Imports check it; thread-safe. */
@Repository
public class DoNotCallList {

    private final JdbcClient jdbc;
    private final Clock clock;

    public DoNotCallList(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a number; adding one twice is harmless.
     *
     * @param phone         number as written
     * @param defaultRegion region for numbers without country code
     * @param reason        why, for the record; may be {@code null}
     * @return the number in E.164
     * @throws InvalidPhoneNumberException when the number cannot be read
     */
    @Transactional
    public String add(String phone, String defaultRegion, String reason) {
        String e164 = PhoneNumbers.e164(PhoneNumbers.parse(phone, defaultRegion));
        boolean present = jdbc.sql("SELECT COUNT(*) FROM do_not_call WHERE phone_e164 = ?").param(e164)
                .query(Long.class).single() > 0;
        if (!present) {
            jdbc.sql("INSERT INTO do_not_call (phone_e164, phone_key, reason, added_at) VALUES (?, ?, ?, ?)")
                    .params(e164, PhoneNumbers.key(e164), reason, utc(clock.instant())).update();
        }
        return e164;
    }

    public List<String> numbers() {
        return jdbc.sql("SELECT phone_e164 FROM do_not_call ORDER BY phone_e164").query(String.class).list();
    }

    Set<Long> keys() {
        return new HashSet<>(jdbc.sql("SELECT phone_key FROM do_not_call").query(Long.class).list());
    }
}

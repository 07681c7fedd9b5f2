package org.epicall.campaign.roster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.epicall.campaign.config.CampaignProperties;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Service;

/**
 * A dry run of the roster import: the same reader, the same {@link ContactNormalizer} and the same
 * reasons as the import, over the file from top to bottom, without storing anything. So an official
 * sees before creating a campaign which rows will be rejected, and why, and what the first rows will
 * become. Reads at most {@code epicall.campaign.roster.preview-rows} rows. Thread-safe.
 */
@Service
public class RosterPreview {

    /** Rows shown as they will be imported. */
    public static final int SAMPLE_ROWS = 10;
    /** Rejects listed; the rest are counted. */
    public static final int LISTED_REJECTS = 200;
    private static final String UNKNOWN_COLUMN = "x_";

    private final DoNotCallList doNotCall;
    private final int maxRows;
    private final int maxRowChars;
    private final ContactReferences references;

    RosterPreview(DoNotCallList doNotCall, ContactReferences references, CampaignProperties properties) {
        this.doNotCall = doNotCall;
        this.references = references;
        this.maxRows = properties.roster().previewRows();
        this.maxRowChars = properties.roster().maxRowChars();
    }

    /**
     * One roster row as written, and what the import makes of it.
     *
     * @param lineNumber line of the file on which the row starts
     * @param cells      values as written, by column (unknown columns under their own name)
     * @param phone      the number in E.164, or {@code null} if the row is rejected
     * @param timeZone   the zone whose hours the calls keep, or {@code null} if rejected
     * @param language   the language of the call, or {@code null} if rejected
     * @param rejection  why the import rejects the row, or {@code null} if it is imported
     */
    public record Row(int lineNumber, Map<String, String> cells, String phone, String timeZone, String language,
                      String rejection) {
    }

    /**
     * What the import would do with a roster.
     *
     * @param columns  the header's columns as the import reads them ({@code phone}, {@code name},
     *                 {@code timezone}, {@code language}, or an unknown column's own name)
     * @param firstRows the first {@value #SAMPLE_ROWS} rows
     * @param rows     rows read (blank lines are not rows)
     * @param valid    rows that would become contacts
     * @param rejected rows that would be rejected
     * @param rejects  the first {@value #LISTED_REJECTS} rejects, in line order
     * @param complete false when the file has more than the preview reads: the counts cover only the first rows
     */
    public record Result(List<String> columns, List<Row> firstRows, long rows, long valid, long rejected,
                         List<RosterReject> rejects, boolean complete) {
    }

    /**
     * Previews a roster file.
     *
     * @param roster        the CSV file
     * @param defaultRegion region for numbers without country code
     * @param language      language for rows that name none
     * @throws RosterFormatException when the file cannot be a roster at all, as the import would refuse it
     */
    public Result preview(Path roster, String defaultRegion, String language) {
        RosterImporter.checkFile(roster);
        RosterRecordReader reader = new RosterRecordReader(roster, 0, 0, maxRowChars);
        ConcurrentMap<Long, Integer> claims = new ConcurrentHashMap<>();
        ContactNormalizer normalizer = new ContactNormalizer("preview", references, defaultRegion, language, claims,
                doNotCall.keys());
        Tally tally = new Tally();
        reader.open(new ExecutionContext());
        try {
            List<String> columns = displayNames(reader.columns());
            while (true) {
                RosterLine line;
                try {
                    line = reader.read();
                } catch (UnreadableRecordException unreadable) {
                    tally.reject(new RosterReject(unreadable.lineNumber(), unreadable.reason()), null);
                    continue;
                } catch (Exception e) {
                    throw new RosterFormatException(0, null, "the roster cannot be read: " + e.getMessage());
                }
                if (line == null) {
                    break;
                }
                if (tally.rows >= maxRows) {
                    tally.complete = false;
                    break;
                }
                tally.accept(line, normalizer, claims);
            }
            return new Result(columns, tally.firstRows, tally.rows, tally.valid,
                    tally.rejected, tally.rejects, tally.complete);
        } finally {
            reader.close();
        }
    }

    private static List<String> displayNames(String[] canonical) {
        List<String> names = new ArrayList<>(canonical.length);
        for (String name : canonical) {
            names.add(displayName(name));
        }
        return names;
    }

    private static String displayName(String canonical) {
        return canonical.startsWith(UNKNOWN_COLUMN) ? canonical.replaceFirst("^x_\\d+_", "") : canonical;
    }

    /** Counts of one preview; not thread-safe. */
    private static final class Tally {
        final List<Row> firstRows = new ArrayList<>();
        final List<RosterReject> rejects = new ArrayList<>();
        long rows;
        long valid;
        long rejected;
        boolean complete = true;

        void accept(RosterLine line, ContactNormalizer normalizer, Map<Long, Integer> claims) {
            CandidateContact candidate;
            try {
                candidate = normalizer.process(line);
            } catch (RejectedRowException e) {
                reject(new RosterReject(e.lineNumber(), e.reason()), line);
                return;
            }
            if (candidate == null) {
                return;
            }
            ImportedContact contact = candidate.contact();
            if (!candidate.claimed()) {
                // Read top to bottom, the claim is the number's first line, as the import settles it.
                int first = claims.get(PhoneNumbers.key(contact.phoneE164()));
                reject(new RosterReject(line.lineNumber(), RosterReject.duplicateReason(contact.phoneE164(), first)),
                        line);
                return;
            }
            rows++;
            valid++;
            sample(new Row(line.lineNumber(), cells(line), contact.phoneE164(), contact.zone().getId(),
                    contact.language(), null));
        }

        void reject(RosterReject reject, RosterLine line) {
            rows++;
            rejected++;
            if (rejects.size() < LISTED_REJECTS) {
                rejects.add(reject);
            }
            sample(new Row(reject.lineNumber(), line == null ? Map.of() : cells(line), null, null, null,
                    reject.reason()));
        }

        private void sample(Row row) {
            if (firstRows.size() < SAMPLE_ROWS) {
                firstRows.add(row);
            }
        }

        private static Map<String, String> cells(RosterLine line) {
            Map<String, String> cells = new HashMap<>();
            line.fields().forEach((column, value) -> cells.put(displayName(column), value));
            return cells;
        }
    }
}

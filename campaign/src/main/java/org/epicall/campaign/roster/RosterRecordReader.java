package org.epicall.campaign.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a range of a roster's records as {@link RosterLine}s, column names taken from the header. A
 * record that is not CSV, too long or of the wrong number of cells is thrown as an
 * {@link UnreadableRecordException}, which the import skips into the rejects report; it counts as a
 * record all the same, so ranges and restarts agree with {@link RosterPartitioner}. Restartable: the
 * position saved is the number of records read. One instance per step execution; not thread-safe.
 */
class RosterRecordReader extends AbstractItemCountingItemStreamItemReader<RosterLine> {

    private final Path roster;
    private final int recordsBefore;
    private final int maxRecordChars;
    private RosterCsv csv;
    private String[] names;

    /**
     * @param recordsBefore  records (after the header) that belong to earlier ranges
     * @param records        records in this range; 0 only for a roster without records
     * @param maxRecordChars the longest record accepted
     */
    RosterRecordReader(Path roster, int recordsBefore, int records, int maxRecordChars) {
        this.roster = roster;
        this.recordsBefore = recordsBefore;
        this.maxRecordChars = maxRecordChars;
        setName("roster");
        if (records > 0) {
            setMaxItemCount(records);
        }
    }

    /** Opens the roster at its first record, past a byte order mark. */
    static RosterCsv open(Path roster, int maxRecordChars) {
        try {
            return new RosterCsv(new BomSkippingReaderFactory().create(new FileSystemResource(roster), "UTF-8"),
                    maxRecordChars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the roster " + roster + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void doOpen() {
        csv = open(roster, maxRecordChars);
        RosterCsv.Record header;
        try {
            header = csv.next();
        } catch (UnreadableRecordException e) {
            throw new RosterFormatException(1, null, e.getMessage());
        }
        names = RosterColumns.of(header == null ? List.of("") : header.cells()).names();
        skip(recordsBefore);
    }

    /** Canonical column names in file order (see {@link RosterColumns}), once opened. */
    String[] columns() {
        if (names == null) {
            throw new IllegalStateException("the roster is not open");
        }
        return names.clone();
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        skip(itemIndex);
    }

    private void skip(int records) {
        for (int i = 0; i < records; i++) {
            try {
                if (csv.next() == null) {
                    return;
                }
            } catch (UnreadableRecordException unreadable) {
                // A record all the same: it was rejected when first read.
            }
        }
    }

    @Override
    protected RosterLine doRead() {
        RosterCsv.Record record = csv.next();
        if (record == null) {
            return null;
        }
        if (record.blank()) {
            return new RosterLine(record.line(), Map.of());
        }
        List<String> cells = record.cells();
        if (cells.size() != names.length) {
            throw new UnreadableRecordException(record.line(), "expected " + names.length
                    + " fields as in the header but found " + cells.size());
        }
        Map<String, String> fields = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            fields.put(names[i], cells.get(i));
        }
        return new RosterLine(record.line(), fields);
    }

    @Override
    protected void doClose() {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }
}

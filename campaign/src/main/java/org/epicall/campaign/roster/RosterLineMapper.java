package org.epicall.campaign.roster;

import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.batch.infrastructure.item.file.LineCallbackHandler;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.transform.DefaultFieldSetFactory;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;

/**
 * Turns one CSV record into a {@link RosterLine}, with column names taken from the header line: the
 * first of the lines it receives as the reader's skipped-lines callback (a partition that starts further
 * into the file skips more). One instance per step execution; not thread-safe.
 */
final class RosterLineMapper implements LineMapper<RosterLine>, LineCallbackHandler {

    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
    private String[] names;

    RosterLineMapper() {
        // The default field set builds a date and a number format for every row; rosters use neither.
        tokenizer.setFieldSetFactory(new DefaultFieldSetFactory(new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT),
                NumberFormat.getInstance(Locale.ROOT)));
    }

    @Override
    public void handleLine(String skipped) {
        if (names != null) {
            return;
        }
        names = RosterColumns.parse(skipped).names();
        tokenizer.setNames(names);
        tokenizer.setStrict(true);
    }

    /** Canonical column names in file order (see {@link RosterColumns}), once the header was read. */
    String[] columns() {
        if (names == null) {
            throw new IllegalStateException("the roster header was not read");
        }
        return names.clone();
    }

    @Override
    public RosterLine mapLine(String record, int lineNumber) {
        if (names == null) {
            throw new IllegalStateException("the roster header was not read");
        }
        if (record.isBlank()) {
            return new RosterLine(lineNumber, Map.of());
        }
        FieldSet fieldSet = tokenizer.tokenize(record);
        Map<String, String> fields = new HashMap<>(names.length * 2);
        for (String name : names) {
            fields.put(name, fieldSet.readRawString(name));
        }
        return new RosterLine(firstLineOf(record, lineNumber), fields);
    }

    /** A quoted cell may span lines; the reader reports the last one, the official wants the first. */
    static int firstLineOf(String record, int lastLine) {
        int breaks = 0;
        for (int i = 0; i < record.length(); i++) {
            if (record.charAt(i) == '\n') {
                breaks++;
            }
        }
        return lastLine - breaks;
    }
}

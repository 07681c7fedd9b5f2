package org.epicall.campaign.roster;

import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.core.io.FileSystemResource;

/**
 * Opens a roster CSV as Spring Batch records. The partitioner counts records with the same reader the
 * import reads them with, so a partition boundary always falls between two records (a quoted cell may
 * span lines).
 */
final class RosterFiles {

    private RosterFiles() {
    }

    /**
     * A reader positioned after the header and {@code recordsBefore} records, reading at most
     * {@code records} (0 only for a roster without records: all of it); line numbers stay those of the file.
     */
    static <T> FlatFileItemReader<T> reader(Path roster, LineMapper<T> mapper, int recordsBefore, int records) {
        FlatFileItemReader<T> reader = new FlatFileItemReader<>(new FileSystemResource(roster), mapper);
        reader.setName("roster");
        reader.setEncoding("UTF-8");
        reader.setBufferedReaderFactory(new BomSkippingReaderFactory());
        reader.setLinesToSkip(1 + recordsBefore);
        // No comment prefix and no continuation marker: every line of an official's roster is data.
        reader.setComments(new String[0]);
        reader.setRecordSeparatorPolicy(new DefaultRecordSeparatorPolicy("\"", "\u0000"));
        reader.setStrict(true);
        if (records > 0) {
            reader.setMaxItemCount(records);
        }
        return reader;
    }
}

package org.epicall.campaign.roster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a roster into consecutive ranges of records of nearly equal size, one per partition, each at
 * least {@code minRecords} long (so a small roster is imported by fewer partitions, or one). Records are
 * counted with the reader the import reads them with, so a boundary always falls between two records.
 */
class RosterPartitioner implements Partitioner {

    /** Execution context key: records before the partition's first one (the header not counted). */
    static final String RECORDS_BEFORE = "recordsBefore";
    /** Execution context key: records in the partition. */
    static final String RECORDS = "records";

    private final Path roster;
    private final int minRecords;
    private final int maxRecordChars;

    RosterPartitioner(Path roster, int minRecords, int maxRecordChars) {
        this.roster = roster;
        this.minRecords = minRecords;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int records = countRecords();
        int partitions = Math.max(1, Math.min(gridSize, records / minRecords));
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < partitions; i++) {
            int first = (int) ((long) records * i / partitions);
            int end = (int) ((long) records * (i + 1) / partitions);
            ExecutionContext context = new ExecutionContext();
            context.putInt(RECORDS_BEFORE, first);
            context.putInt(RECORDS, end - first);
            contexts.put("partition" + i, context);
        }
        return contexts;
    }

    int countRecords() {
        try (RosterCsv csv = RosterRecordReader.open(roster, maxRecordChars)) {
            int count = -1;
            while (true) {
                try {
                    if (csv.next() == null) {
                        return Math.max(0, count);
                    }
                } catch (UnreadableRecordException unreadable) {
                    // A record the import will reject as unreadable is a record all the same.
                }
                count++;
            }
        }
    }
}

package org.epicall.campaign.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class RosterPartitionerTest {

    @Property(tries = 200)
    void partitionsTogetherReadEveryRecordOnceWithTheLinesOfTheWholeFile(
            @ForAll("rosters") String roster, @ForAll @IntRange(min = 1, max = 5) int gridSize,
            @ForAll @IntRange(min = 1, max = 4) int minRecords) {
        Path file = write(roster);
        try {
            Map<String, ExecutionContext> partitions = new RosterPartitioner(file, minRecords, 64).partition(gridSize);

            List<String> inPartitions = new ArrayList<>();
            for (ExecutionContext context : partitions.values()) {
                inPartitions.addAll(read(file, context.getInt(RosterPartitioner.RECORDS_BEFORE),
                        context.getInt(RosterPartitioner.RECORDS)));
            }

            assertThat(inPartitions).isEqualTo(read(file, 0, Integer.MAX_VALUE));
        } finally {
            delete(file);
        }
    }

    @Property(tries = 50)
    void aRosterGetsAsManyPartitionsAsItHasMinimumRangesUpToTheGridSize(
            @ForAll @IntRange(min = 0, max = 60) int rows, @ForAll @IntRange(min = 1, max = 4) int gridSize,
            @ForAll @IntRange(min = 1, max = 20) int minRecords) {
        StringBuilder roster = new StringBuilder("phone,name\n");
        for (int i = 0; i < rows; i++) {
            roster.append("010-1000-").append(String.format("%04d", i)).append(",resident\n");
        }
        Path file = write(roster.toString());
        try {
            Map<String, ExecutionContext> partitions = new RosterPartitioner(file, minRecords, 64).partition(gridSize);

            assertThat(partitions).hasSize(Math.max(1, Math.min(gridSize, rows / minRecords)));
            assertThat(partitions.values()).allSatisfy(context ->
                    assertThat(context.getInt(RosterPartitioner.RECORDS)).isGreaterThanOrEqualTo(rows < minRecords ? rows : minRecords));
        } finally {
            delete(file);
        }
    }

    /**
     * Rows of plain cells, quoted cells spanning lines, blank lines, CRLF breaks, maybe a quote never closed
     * (read with a 64-character row limit, so that some quoted rows also run into it).
     */
    @Provide
    Arbitrary<String> rosters() {
        Arbitrary<String> row = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789-").ofMinLength(1).ofMaxLength(13).map(p -> p + ",plain"),
                Arbitraries.strings().withChars("ab ,\n\r").ofMaxLength(8).map(s -> "010-1234-5678,\"" + s + "\""),
                Arbitraries.just(""),
                Arbitraries.just("010-1234-5678,\"say \"\"hi\"\"\nthere\""));
        Arbitrary<String> breaks = Arbitraries.of("\n", "\r\n");
        Arbitrary<String> unclosed = Arbitraries.of("", "", "", "010-1,\"never closed\n", "010-1,\"never\nclosed,x\n1,2\n");
        return net.jqwik.api.Combinators.combine(row.list().ofMaxSize(30), breaks, unclosed)
                .as((rows, lineBreak, tail) -> "phone,name" + lineBreak + String.join(lineBreak, rows)
                        + (rows.isEmpty() ? "" : lineBreak) + tail);
    }

    /** Each record as the import's reader sees it: first line number and cells, or why it is unreadable. */
    private static List<String> read(Path file, int recordsBefore, int records) {
        RosterRecordReader reader = new RosterRecordReader(file, recordsBefore, records, 64);
        reader.setSaveState(false);
        reader.open(new ExecutionContext());
        List<String> seen = new ArrayList<>();
        try {
            while (true) {
                try {
                    RosterLine record = reader.read();
                    if (record == null) {
                        return seen;
                    }
                    seen.add(record.lineNumber() + ":" + new java.util.TreeMap<>(record.fields()));
                } catch (UnreadableRecordException e) {
                    seen.add(e.getMessage());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            reader.close();
        }
    }

    private static Path write(String roster) {
        try {
            Path file = Files.createTempFile("roster-partitions", ".csv");
            Files.writeString(file, roster, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

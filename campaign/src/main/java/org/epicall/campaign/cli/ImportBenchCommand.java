package org.epicall.campaign.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.epicall.campaign.CampaignApplication;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.roster.PhoneNumbers;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code epicall bench import}: a generated roster through the Spring Batch import, against plain CSV
 * parsing with a JDBC batch insert into the same database in the same run.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Roster import throughput: Spring Batch job vs plain CSV parsing + JDBC batch insert.")
public final class ImportBenchCommand implements Runnable {

    private static final String QUESTIONNAIRE_RESOURCE = "questionnaires/covid-checkin.yaml";

    @Option(names = "--rows", defaultValue = "1000000", description = "roster rows (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--chunk-size", defaultValue = "2000", description = "rows per Spring Batch chunk (default: ${DEFAULT-VALUE})")
    int chunkSize;

    @Override
    public void run() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("epicall-bench-import-");
            Path roster = dir.resolve("roster.csv");
            generate(roster, rows);
            try (ConfigurableApplicationContext context = CampaignApplication.start(
                    "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                    "--logging.level.root=warn", "--epicall.kafka.enabled=false",
                    "--epicall.campaign.schedule.enabled=false",
                    "--epicall.campaign.roster.chunk-size=" + chunkSize,
                    "--epicall.campaign.storage-dir=" + dir.resolve("data"))) {
                Campaigns campaigns = context.getBean(Campaigns.class);
                DataSource dataSource = context.getBean(DataSource.class);

                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                String questionnaire;
                try (InputStream yaml = ImportBenchCommand.class.getClassLoader().getResourceAsStream(QUESTIONNAIRE_RESOURCE)) {
                    questionnaire = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
                }
                Campaign campaign;
                try (InputStream in = Files.newInputStream(roster)) {
                    campaign = campaigns.create(new NewCampaign("bench", questionnaire, QUESTIONNAIRE_RESOURCE, "roster.csv",
                            "KR", "ko"), in, true);
                }
                double batchSeconds = seconds(start);
                double batchCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                long imported = campaigns.progress(campaign.id()).contacts();

                start = System.nanoTime();
                cpuStart = processCpuNanos();
                long plain = plainImport(roster, dataSource, false);
                double plainSeconds = seconds(start);
                double plainCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;

                start = System.nanoTime();
                long validated = plainImport(roster, dataSource, true);
                double validatedSeconds = seconds(start);

                print("rows", rows, "rows");
                print("spring batch import rows stored", imported, "rows");
                print("spring batch import time", batchSeconds, "s");
                print("spring batch import rate", imported / batchSeconds, "rows/s");
                print("spring batch import cpu time (all threads, gc and jit included)", batchCpuSeconds, "s");
                print("baseline plain csv + jdbc batch insert time", plainSeconds, "s");
                print("baseline plain csv + jdbc batch insert rate", plain / plainSeconds, "rows/s");
                print("baseline plain csv + jdbc batch insert cpu time", plainCpuSeconds, "s");
                print("baseline plain csv + libphonenumber + jdbc batch insert with the contact indexes rate", validated / validatedSeconds, "rows/s");
                print("ratio spring batch to plain baseline", (imported / batchSeconds) / (plain / plainSeconds), "");
                print("goal whole import within 30 s", batchSeconds <= 30 ? 1 : 0, "(1 = met)");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("import benchmark failed: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    static void generate(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("phone,name,language\n");
            for (int i = 0; i < rows; i++) {
                int n = 10_000_000 + i;
                out.write(String.format(Locale.ROOT, "010-%04d-%04d,resident %d,ko%n", n / 10_000, n % 10_000, i));
            }
        }
    }

    /** The same rows into a plain table with nothing but a reader, a split and a JDBC batch. */
    private static long plainImport(Path roster, DataSource dataSource, boolean normalise) throws IOException, SQLException {
        String table = normalise ? "bench_validated" : "bench_plain";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE " + table + " (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " line_number INTEGER, phone VARCHAR(20), display_name VARCHAR(200), language VARCHAR(16),"
                        + " campaign_id VARCHAR(40), contact_ref VARCHAR(80), phone_key BIGINT, state VARCHAR(16),"
                        + " next_attempt_at TIMESTAMP WITH TIME ZONE)");
                if (normalise) {
                    // The same secondary indexes as the contact table, to tell framework cost from index cost.
                    ddl.execute("CREATE UNIQUE INDEX " + table + "_phone ON " + table + " (campaign_id, phone_key)");
                    ddl.execute("CREATE UNIQUE INDEX " + table + "_ref ON " + table + " (contact_ref)");
                    ddl.execute("CREATE INDEX " + table + "_due ON " + table + " (campaign_id, state, next_attempt_at)");
                }
            }
            long count = 0;
            try (BufferedReader reader = Files.newBufferedReader(roster, StandardCharsets.UTF_8);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                         + " (line_number, phone, display_name, language, campaign_id, contact_ref, phone_key, state)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')")) {
                reader.readLine();
                String line;
                int lineNumber = 1;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    String[] cells = line.split(",", -1);
                    String phone = normalise ? PhoneNumbers.e164(PhoneNumbers.parse(cells[0], "KR")) : cells[0];
                    insert.setInt(1, lineNumber);
                    insert.setString(2, phone);
                    insert.setString(3, cells[1]);
                    insert.setString(4, cells[2]);
                    insert.setString(5, "cmp-baseline");
                    insert.setString(6, "cmp-baseline-L" + lineNumber);
                    insert.setLong(7, lineNumber);
                    insert.addBatch();
                    if (++count % 2000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return count;
        }
    }

    /** CPU time of this whole process: unlike wall time, it hardly moves when other processes share the cores. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String name, double value, String unit) {
        System.out.println(name + ": " + String.format(Locale.ROOT, value == Math.rint(value) ? "%.0f" : "%.2f", value)
                + (unit.isEmpty() ? "" : " " + unit));
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}

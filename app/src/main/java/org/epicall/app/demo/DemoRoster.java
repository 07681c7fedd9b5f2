package org.epicall.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The roster CSV of the demo campaign, written from the simulated population: every resident lives
 * in Seoul and speaks Korean, and the name column says which behaviour the resident was given, so
 * the dashboard and the summary can show it.
 */
public final class DemoRoster {

    public static final String ZONE = "Asia/Seoul";
    public static final String LANGUAGE = "ko";

    private DemoRoster() {
    }

    /**
     * One roster row.
     *
     * @param phone E.164 number the PBX simulator answers
     * @param name  display name (persona label)
     */
    public record Row(String phone, String name) {
    }

    public static Path write(Path file, List<Row> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("phone,name,timezone,language\n");
                for (Row row : rows) {
                    out.write(row.phone() + "," + quote(row.name()) + "," + ZONE + "," + LANGUAGE + "\n");
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo roster " + file + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}

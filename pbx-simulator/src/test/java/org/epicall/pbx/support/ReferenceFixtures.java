package org.epicall.pbx.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference transcripts the conformance tests replay, derived from {@code shared/reference/asterisk-22.10.1/}
 * into this module's test resources ({@code reference/asterisk-22.10.1/}) so that they run from a plain clone.
 * Each fixture is its source transcript with one provenance line on top; the 140-run table of the rejection race
 * keeps only its SUMMARY (the orders seen), not the per-run rows. The byte dumps ({@code .raw}), recordings,
 * configs, and ami-00/agi-00 (a quirk the simulator does not reproduce) are not taken.
 * {@code ReferenceFixturesTest} checks that each fixture still equals what this derivation makes of its source.
 */
public final class ReferenceFixtures {

    /** Where the fixtures live, under src/test/resources and on the test class path. */
    public static final String RESOURCE_DIRECTORY = "reference/asterisk-22.10.1/";
    /** The rejection-race table: only its summary is kept. */
    public static final String RACE_RUNS = "ami-21-rejected-race-runs.txt";

    public static final List<String> FILES = List.of(
            "ami-01-answer-survey-agi.txt", "ami-02-busy.txt", "ami-03-noanswer.txt", "ami-04-congestion.txt",
            "ami-05-reject.txt", "ami-06-hangup-early.txt", "ami-07-no-such-context.txt", "ami-08-sync-answer.txt",
            "ami-09-sync-busy.txt", "ami-10-min-user-answer.txt", "ami-11-application.txt",
            "ami-12-ring-answer.txt", "ami-13-channelid.txt", "ami-14-number-routing-busy.txt",
            "ami-15-trivial-agi.txt", "ami-16-agi-server-down.txt", "ami-17-bad-login.txt",
            "ami-18-misc-actions.txt", "ami-19-min-user-permission.txt", "ami-20-unknown-tech.txt",
            "ami-21-busy.txt", "ami-21-congestion.txt", "ami-21-hangup1.txt", "ami-21-hangup20.txt",
            "ami-21-noanswer-timeout.txt", "ami-21-rejected-race.txt", "ami-21-rejected-race-b.txt", RACE_RUNS,
            "ami-22-channelid-prefix.txt", "ami-23-stream-missing.txt", "ami-24-record-unwritable.txt",
            "ami-25-record-dtmf.txt", "ami-26-hangup-during-stream.txt", "ami-27-maxcalls.txt",
            "ami-27-maxcalls-app.txt", "ami-27-maxload.txt", "ami-28-amd-human.txt", "ami-28-amd-machine.txt",
            "agi-01-survey-answer.txt", "agi-06-survey-hangup-early.txt", "agi-15-trivial.txt",
            "agi-23-stream-missing.txt", "agi-24-record-unwritable.txt", "agi-24-record-unwritable-as-root.txt",
            "agi-25-record-dtmf.txt", "agi-26-hangup-during-stream.txt", "agi-28-amd-human.txt",
            "agi-28-amd-machine.txt");

    private ReferenceFixtures() {
    }

    /** The fixture for {@code name} made from its source transcript's text. */
    public static String derive(String name, String source) {
        // set 2 (ami-21.., agi-23..) was recorded on 2026-12-05, set 1 on 2026-11-21 (INDEX.txt)
        int number = Integer.parseInt(name.substring(4, 6));
        String recorded = number >= (name.startsWith("ami") ? 21 : 23) ? "2026-12-05" : "2026-11-21";
        StringBuilder fixture = new StringBuilder("# epicall fixture, derived from shared/reference/asterisk-22.10.1/")
                .append(name).append(" (Asterisk 22.10.1, recorded ").append(recorded).append(")")
                .append(name.equals(RACE_RUNS) ? "; SUMMARY only, per-run rows left out" : "; verbatim")
                .append('\n');
        for (String line : source.split("\n", -1)) {
            if (name.equals(RACE_RUNS) && line.startsWith("# PER RUN")) {
                break;
            }
            fixture.append(line).append('\n');
        }
        return fixture.substring(0, fixture.length() - 1);
    }

    /** The shared reference directory beside the checkout, when it is there (as in CI). */
    public static Optional<Path> sharedDirectory() {
        String configured = System.getProperty("epicall.shared.dir");
        if (configured != null) {
            return Optional.of(Path.of(configured, "reference", "asterisk-22.10.1")).filter(Files::isDirectory);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path sibling = dir.resolveSibling("shared").resolve("reference").resolve("asterisk-22.10.1");
            if (Files.isDirectory(sibling)) {
                return Optional.of(sibling);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** Reads a fixture from the test class path. */
    public static List<String> lines(String name) {
        try (var in = ReferenceFixtures.class.getClassLoader().getResourceAsStream(RESOURCE_DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + RESOURCE_DIRECTORY + name + " on the test class path");
            }
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

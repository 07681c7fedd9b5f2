package org.epicall.app.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulator persona file of residents who answer the shipped questionnaire (covid-checkin) on the keypad:
 * consent, then no to every question. The survey path of a real call without the cost of recognition.
 */
final class Residents {

    private static final String[][] KEYPAD = {{"consent", "1"}, {"travel", "2"}, {"contact", "2"}, {"fever", "2"},
            {"symptoms", "5"}, {"followup_call", "2"}};

    private Residents() {
    }

    static String number(int i) {
        return "+8210" + (30_000_000 + i);
    }

    static Path keypad(Path file, int count) throws IOException {
        StringBuilder yaml = new StringBuilder("residents:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - number: \"").append(number(i)).append("\"\n    behaviour: keypad-only\n    answers:\n");
            for (String[] answer : KEYPAD) {
                yaml.append("      - question: ").append(answer[0]).append("\n        digits: \"").append(answer[1])
                        .append("\"\n");
            }
        }
        return Files.writeString(file, yaml);
    }
}

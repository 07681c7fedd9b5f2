package org.epicall.dialer.agi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory resident on the other end of a {@link CallChannel}: writes a small file for each
 * recording, keys in digits per question, and can hang up at its n-th recording. Keeps the commands
 * it was given, in AGI terms, for assertions.
 */
final class FakeChannel implements CallChannel {

    final List<String> commands = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> digits = new HashMap<>();
    private int hangupAtRecording = -1;
    private int recordings;

    FakeChannel keys(String questionId, String keyed) {
        digits.put(questionId, keyed);
        return this;
    }

    FakeChannel hangsUpAtRecording(int n) {
        hangupAtRecording = n;
        return this;
    }

    @Override
    public void answer() {
        commands.add("ANSWER");
    }

    @Override
    public void play(String promptId) {
        commands.add("STREAM FILE " + promptId);
    }

    @Override
    public void setVariable(String name, String value) {
        variables.put(name, value);
        commands.add("SET VARIABLE " + name + " " + value);
    }

    @Override
    public String variable(String name) {
        return variables.get(name);
    }

    @Override
    public String expand(String expression) {
        String expanded = expression;
        for (var variable : variables.entrySet()) {
            expanded = expanded.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        return expanded.replaceAll("\\$\\{[^}]*}", "");
    }

    @Override
    public RecordEnd record(Path file, Duration max, Duration silence) {
        recordings++;
        commands.add("RECORD FILE " + file.getFileName());
        if (recordings == hangupAtRecording) {
            throw new CallHungUpException("resident hung up while recording", null);
        }
        try {
            Files.write(file.resolveSibling(file.getFileName() + ".wav"), new byte[] {'R', 'I', 'F', 'F'});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RecordEnd.TIMEOUT;
    }

    @Override
    public String readDigits(String promptId, Duration timeout, int maxDigits) {
        commands.add("GET DATA " + promptId);
        return digits.getOrDefault(variables.get(SurveyConversation.QUESTION_VARIABLE), "");
    }

    @Override
    public Optional<Character> waitForDigit(Duration timeout) {
        return Optional.empty();
    }

    @Override
    public void hangup() {
        commands.add("HANGUP");
    }
}

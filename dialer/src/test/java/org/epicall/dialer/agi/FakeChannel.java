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
 * recording, keys in digits per question, and can hang up at its n-th recording or while a prompt
 * plays; the PBX behind it may lack prompts or fail to write recordings. Keeps the commands it was
 * given, in AGI terms, for assertions.
 */
final class FakeChannel implements CallChannel {

    final List<String> commands = new ArrayList<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> digits = new HashMap<>();
    private int hangupAtRecording = -1;
    private int recordings;
    private String hangupDuring;
    private final List<String> missingPrompts = new ArrayList<>();
    private boolean recordingsFail;

    FakeChannel keys(String questionId, String keyed) {
        digits.put(questionId, keyed);
        return this;
    }

    FakeChannel hangsUpAtRecording(int n) {
        hangupAtRecording = n;
        return this;
    }

    /** The resident hangs up while the prompt whose name ends so plays. */
    FakeChannel hangsUpDuring(String promptSuffix) {
        hangupDuring = promptSuffix;
        return this;
    }

    /** The PBX has no sound file whose name ends so. */
    FakeChannel lacksPrompt(String promptSuffix) {
        missingPrompts.add(promptSuffix);
        return this;
    }

    /** The PBX answers every RECORD FILE with writefile. */
    FakeChannel failsToRecord() {
        recordingsFail = true;
        return this;
    }

    @Override
    public void answer() {
        commands.add("ANSWER");
    }

    @Override
    public void play(String promptId) {
        commands.add("STREAM FILE " + promptId);
        if (missingPrompts.stream().anyMatch(promptId::endsWith)) {
            throw new PromptMissingException(promptId);
        }
        if (hangupDuring != null && promptId.endsWith(hangupDuring)) {
            throw new CallHungUpException("resident hung up while " + promptId + " played", null);
        }
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
        if (recordingsFail) {
            throw new RecordingFailedException(file);
        }
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

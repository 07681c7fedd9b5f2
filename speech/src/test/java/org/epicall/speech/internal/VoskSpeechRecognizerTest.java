package org.epicall.speech.internal;

import org.epicall.speech.KoreanModel;
import org.epicall.speech.SpeechSettings;
import org.epicall.speech.model.ModelSettings;
import org.epicall.speech.model.ModelSpec;
import org.epicall.speech.model.ModelStore;
import org.epicall.speech.model.ModelUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VoskSpeechRecognizerTest {

    @TempDir
    Path dir;

    @Test
    void aCorruptModelGetsAClearErrorSayingHowToReplaceIt() throws IOException {
        Path corrupt = dir.resolve("vosk-model-small-en-us-0.15");
        for (String sub : new String[] {"am", "conf", "graph"}) {
            Files.createDirectories(corrupt.resolve(sub));
        }
        Files.writeString(corrupt.resolve("am/final.mdl"), "not a model");
        ModelSettings settings = ModelSettings.defaults().withCacheDir(dir).with(ModelSpec.ENGLISH.withPath(corrupt));

        try (VoskSpeechRecognizer recognizer = new VoskSpeechRecognizer(new ModelStore(settings), SpeechSettings.defaults())) {
            assertThatThrownBy(() -> recognizer.openCall("en"))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("could not be loaded")
                    .hasMessageContaining("epicall.speech.models.en.path");
        }
    }

    @Test
    void theKoreanModelTakesRuntimeGrammarsAndUsesItsUnkWordAsGarbage() {
        VoskSpeechRecognizer recognizer = KoreanModel.recognizer();

        assertThat(recognizer.supportsGrammar("ko")).isTrue();
        assertThat(recognizer.grammarJson("ko", java.util.List.of("네", "괜찮습니다"))).isEqualTo("[\"네\",\"<UNK>\"]");
    }
}

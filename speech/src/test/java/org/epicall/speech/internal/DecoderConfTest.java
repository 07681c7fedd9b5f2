package org.epicall.speech.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderConfTest {

    @TempDir
    Path dir;

    private Path model() throws IOException {
        Path model = dir.resolve("model");
        Files.createDirectories(model.resolve("am"));
        Files.writeString(model.resolve("am/final.mdl"), "acoustic model");
        Files.createDirectories(model.resolve("graph"));
        Files.createDirectories(model.resolve("conf"));
        Files.writeString(model.resolve("conf/model.conf"), "--beam=10.0\n--max-active=3000\n");
        Files.writeString(model.resolve("conf/mfcc.conf"), "--use-energy=false\n");
        Files.writeString(model.resolve("README"), "a model");
        return model;
    }

    @Test
    void setsTheOptionsInAViewOfTheModelAndLeavesTheModelAsItWas() throws IOException {
        Path model = model();

        Path view = DecoderConf.view(model, Map.of("frames-per-chunk", "99")).orElseThrow();

        assertThat(Files.readString(view.resolve("conf/model.conf")))
                .startsWith("--beam=10.0\n--max-active=3000\n").endsWith("--frames-per-chunk=99\n");
        assertThat(view.resolve("conf/mfcc.conf")).hasContent("--use-energy=false");
        assertThat(Files.isSymbolicLink(view.resolve("am"))).isTrue();
        assertThat(view.resolve("am/final.mdl")).hasContent("acoustic model");
        assertThat(Files.isSymbolicLink(view.resolve("README"))).isTrue();
        assertThat(model.resolve("conf/model.conf")).hasContent("--beam=10.0\n--max-active=3000");
    }

    @Test
    void deletingTheViewNeverTouchesTheModel() throws IOException {
        Path model = model();
        Path view = DecoderConf.view(model, Map.of("frames-per-chunk", "99")).orElseThrow();

        DecoderConf.delete(view);

        assertThat(view).doesNotExist();
        assertThat(model.resolve("am/final.mdl")).hasContent("acoustic model");
        assertThat(model.resolve("README")).exists();
        assertThat(model.resolve("conf/model.conf")).exists();
    }

    @Test
    void needsNoViewWithoutOptionsOrForAModelWithoutAModelConf() throws IOException {
        Path model = model();
        assertThat(DecoderConf.view(model, Map.of())).isEmpty();

        Files.delete(model.resolve("conf/model.conf"));
        assertThat(DecoderConf.view(model, Map.of("frames-per-chunk", "99"))).isEmpty();
    }
}

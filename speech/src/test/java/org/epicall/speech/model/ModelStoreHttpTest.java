package org.epicall.speech.model;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreHttpTest {

    @TempDir
    Path cache;

    private WireMockServer server;
    private byte[] archive;

    @BeforeEach
    void start() throws Exception {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        archive = modelZip("vosk-model-small-en-us-0.15");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void downloadsChecksAndCachesTheModel() throws Exception {
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(archive)));

        Path model = store(sha256(archive)).locate("en");

        assertThat(model).isEqualTo(cache.resolve("vosk-model-small-en-us-0.15"));
        assertThat(model.resolve("am/final.mdl")).hasContent("acoustic model");
        assertThat(model.resolve("conf/model.conf")).exists();
        assertThat(model.resolve("graph/Gr.fst")).exists();
        assertThat(cacheEntries()).containsExactly("vosk-model-small-en-us-0.15");
    }

    @Test
    void usesTheCacheWithoutDownloadingAgain() throws Exception {
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(archive)));
        ModelStore store = store(sha256(archive));
        store.locate("en");

        store.locate("en");

        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusesADownloadWhoseChecksumDoesNotMatch() {
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(archive)));

        assertThatThrownBy(() -> store("0".repeat(64)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("SHA-256 mismatch")
                .hasMessageContaining("epicall.speech.models.en.path");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void reportsANotFoundUrl() throws Exception {
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> store(sha256(archive)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("To provide a model");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void refusesABodyCutOffMidTransfer() throws Exception {
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Length", String.valueOf(archive.length))
                .withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        assertThatThrownBy(() -> store(sha256(archive)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("/model.zip");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void refusesATruncatedArchiveServedAsComplete() throws Exception {
        byte[] half = Arrays.copyOf(archive, archive.length / 2);
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(half)));

        assertThatThrownBy(() -> store(sha256(archive)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("SHA-256 mismatch")
                .hasMessageContaining(half.length + "-byte");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void refusesAnArchiveWithoutAModelInside() throws Exception {
        byte[] notAModel = zip(Map.of("readme.txt", "nothing here"));
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(notAModel)));

        assertThatThrownBy(() -> store(sha256(notAModel)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("holds no model directory with am/, conf/, graph/");
        assertThat(cacheEntries()).isEmpty();
    }

    @Test
    void refusesZipEntriesThatEscapeTheArchive() throws Exception {
        byte[] evil = zip(Map.of("../../escaped.txt", "x", "m/am/a", "x", "m/conf/c", "x", "m/graph/g", "x"));
        server.stubFor(get("/model.zip").willReturn(aResponse().withStatus(200).withBody(evil)));

        assertThatThrownBy(() -> store(sha256(evil)).locate("en"))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("points outside the archive");
        assertThat(cacheEntries()).isEmpty();
        assertThat(cache.getParent().resolve("escaped.txt")).doesNotExist();
    }

    private ModelStore store(String sha) {
        ModelSpec english = ModelSpec.ENGLISH.withDownload(URI.create(server.baseUrl() + "/model.zip"), sha);
        return new ModelStore(ModelSettings.defaults().withCacheDir(cache).with(english));
    }

    private java.util.List<String> cacheEntries() {
        try (Stream<Path> entries = Files.list(cache)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] modelZip(String top) throws IOException {
        return zip(Map.of(top + "/am/final.mdl", "acoustic model", top + "/conf/model.conf", "--beam=10",
                top + "/graph/Gr.fst", "grammar", top + "/README", "test model"));
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}

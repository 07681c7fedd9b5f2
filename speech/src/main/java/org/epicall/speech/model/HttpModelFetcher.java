package org.epicall.speech.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Downloads a model archive over HTTP(S), checks its SHA-256 and unpacks it. */
final class HttpModelFetcher implements ModelFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpModelFetcher.class);

    private final HttpClient http;
    private final Duration timeout;

    HttpModelFetcher(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public String describe(ModelSpec spec) {
        return "download " + spec.url();
    }

    @Override
    public boolean appliesTo(ModelSpec spec) {
        return spec.url() != null;
    }

    @Override
    public Path fetch(ModelSpec spec, Path staging) throws IOException {
        Path archive = staging.resolve("model.zip");
        log.info("Downloading the {} model from {}", spec.language(), spec.url());
        HttpRequest request = HttpRequest.newBuilder(spec.url()).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + spec.url());
        } catch (IOException e) {
            throw new IOException("cannot download " + spec.url() + ": " + reason(e), e);
        }
        String actual;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(spec.url() + " answered HTTP " + response.statusCode());
            }
            MessageDigest sha = sha256();
            try (DigestInputStream in = new DigestInputStream(body, sha)) {
                Files.copy(in, archive);
            }
            actual = HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(spec.url().toString())) {
                throw e;
            }
            throw new IOException("download of " + spec.url() + " broke off after " + sizeOf(archive) + " bytes: " + reason(e), e);
        }
        if (!actual.equals(spec.sha256())) {
            throw new IOException(spec.url() + ": SHA-256 mismatch, expected " + spec.sha256() + " but the " + sizeOf(archive)
                    + "-byte download has " + actual + "; refusing it (truncated or tampered)");
        }
        Path unpacked = staging.resolve("unpacked");
        ZipUnpacker.unpack(archive, unpacked);
        Files.delete(archive);
        return ModelLayout.find(unpacked).orElseThrow(() -> new IOException(
                spec.url() + " holds no model directory with " + String.join("/, ", ModelLayout.REQUIRED) + "/"));
    }

    /** The exception's message, or its kind when it has none (ConnectException often has none). */
    private static String reason(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return message == null || message.isBlank() ? kind + " failed (no network, or the host is unreachable)" : message + " (" + kind + ")";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

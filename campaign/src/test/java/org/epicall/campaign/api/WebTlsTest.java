package org.epicall.campaign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.epicall.campaign.CampaignApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service over TLS, configured as the README says (a Spring Boot SSL bundle), with a self-signed
 * certificate made by the JDK's keytool: a client that trusts the certificate talks to it, plain HTTP
 * does not get an answer from it.
 */
class WebTlsTest {

    private static final String PASSWORD = "test-keystore-pass";

    @TempDir Path dir;

    @Test
    void servesHttpsWithTheConfiguredCertificate() throws Exception {
        Path keystore = selfSigned(dir.resolve("web.p12"));
        try (ConfigurableApplicationContext service = CampaignApplication.start("--spring.profiles.active=test",
                "--server.port=0", "--epicall.campaign.storage-dir=./target/test-data/" + UUID.randomUUID(),
                "--server.ssl.bundle=web",
                "--spring.ssl.bundle.jks.web.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.web.keystore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.web.keystore.type=PKCS12")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

            HttpResponse<String> me = trusting.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/me"))
                    .header("Authorization", "Bearer analyst-api-token").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"analyst\"");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/api/me")).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate").isInstanceOf(javax.net.ssl.SSLException.class);
        }
    }

    private static Path selfSigned(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        return keystore;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}

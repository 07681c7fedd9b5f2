package org.epicall.campaign.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.testsupport.HeadlessChromium;
import org.epicall.campaign.testsupport.Isolation;
import org.epicall.campaign.testsupport.RecordingPublisherConfiguration;
import org.epicall.campaign.testsupport.Rosters;
import org.epicall.campaign.testsupport.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page on another site makes a signed-in official's browser post a form to the campaign service (the
 * classic cross-site request forgery). The official has signed in to the dashboard and has also, as
 * browsers let one do, given the password in a URL, which a browser caches and replays with later
 * requests. The forged post must not change anything. Skips when Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "epicall.campaign.storage-dir=./target/test-data/${random.uuid}")
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, RecordingPublisherConfiguration.class})
class CrossSiteRequestBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired Campaigns campaigns;

    private HeadlessChromium chromium;
    private HttpServer otherSite;

    @BeforeEach
    void browserAndAnotherSite() throws IOException {
        chromium = HeadlessChromium.startOrSkip("the cross-site request browser test");
        Isolation.cancelLiveCampaigns(campaigns);
        // 127.0.0.1 is another site than localhost, where the service is reached.
        otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        otherSite.start();
    }

    @AfterEach
    void close() throws IOException {
        if (otherSite != null) {
            otherSite.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aFormPostFromAnotherSiteDoesNotCancelASignedInOfficialsCampaign() {
        String id = runningCampaign();
        String service = "http://localhost:" + port;
        serveForgedForm(service + "/api/campaigns/" + id + "/cancel");
        WebDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);

        browser.get("http://official:official-secret@localhost:" + port + "/api/me");
        browser.get(service + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("official");
        browser.findElement(By.id("password")).sendKeys("official-secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("signed-in"), "signed in as official (Official)"));

        browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/prize.html");
        wait.until(ExpectedConditions.urlContains(service + "/api/campaigns/" + id + "/cancel"));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));

        assertThat(campaigns.get(id).state()).isEqualTo(CampaignState.RUNNING);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"status\":403").contains("CSRF");
    }

    private String runningCampaign() {
        String id = campaigns.create(new NewCampaign("Daegu check-in", Rosters.QUESTIONNAIRE, "covid.yaml",
                        "roster.csv", "KR", "ko"),
                new ByteArrayInputStream("phone\n010-1000-0001\n".getBytes(StandardCharsets.UTF_8)), true).id();
        campaigns.start(id);
        return id;
    }

    private void serveForgedForm(String target) {
        byte[] page = ("<!doctype html><html><body><h1>You won a prize</h1>"
                + "<form id='f' method='post' action='" + target + "'><input type='hidden' name='x' value='1'></form>"
                + "<script>document.getElementById('f').submit();</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        otherSite.createContext("/prize.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
    }
}

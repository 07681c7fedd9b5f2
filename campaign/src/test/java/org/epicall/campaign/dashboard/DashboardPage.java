package org.epicall.campaign.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard as a test drives it. Server-sent events re-render parts of the page at any moment, so
 * elements are looked up afresh for every step rather than held on to. Waits are generous: they bound
 * a broken page, they do not time a working one.
 */
final class DashboardPage {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final WebDriver browser;
    private final int port;
    private final WebDriverWait wait;

    DashboardPage(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
        this.wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    WebDriver browser() {
        return browser;
    }

    void signIn(String username, String password) {
        browser.get("http://localhost:" + port + "/");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.textMatches(By.id("signed-in"), java.util.regex.Pattern.compile(".+")));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    void click(By target) {
        wait.ignoring(ElementNotInteractableException.class).until(driver -> {
            driver.findElement(target).click();
            return true;
        });
    }

    void type(By target, CharSequence... keys) {
        until(ExpectedConditions.visibilityOfElementLocated(target)).sendKeys(keys);
    }

    String text(By target) {
        return until(ExpectedConditions.presenceOfElementLocated(target)).getText();
    }

    void waitForText(By target, String expected) {
        until(ExpectedConditions.textToBePresentInElementLocated(target, expected));
    }

    void waitFor(By target) {
        until(ExpectedConditions.visibilityOfElementLocated(target));
    }

    boolean displayed(By target) {
        List<WebElement> found = browser.findElements(target);
        return !found.isEmpty() && found.getFirst().isDisplayed();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeAsyncScript(script, arguments);
    }

    /** The text of the element with keyboard focus. */
    String focused() {
        return String.valueOf(script("return document.activeElement ? (document.activeElement.id || '')"
                + " + '|' + document.activeElement.textContent : ''"));
    }

    /**
     * Form controls on the page that are shown but have no accessible name: no label element, no
     * aria-label, no aria-labelledby. An empty list is what accessibility wants.
     */
    @SuppressWarnings("unchecked")
    List<String> unlabelledControls() {
        return (List<String>) script("return [...document.querySelectorAll('input, select, textarea, button, audio')]"
                + ".filter(e => e.offsetParent !== null && e.type !== 'hidden')"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby') && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
                + ".map(e => e.outerHTML.slice(0, 120))");
    }

    /** The whole page (up to 2,400 pixels tall) as a PNG, for looking at what a test saw. */
    void screenshot(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Dimension window = browser.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(2400, Math.max(height + 140,
                window.getHeight()))));
        try {
            Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}

package io.pactwire.cli;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven by its chromedriver through Selenium. Both are found on this machine
 * (the environment variables {@code CHROME_BIN} and {@code CHROMEDRIVER}, else the usual paths, else the PATH),
 * never downloaded: Selenium Manager would need the internet. When either is missing the test fails, saying
 * how to install them; it is never skipped.
 */
final class HeadlessChromium {
    static final String INSTALL = "install Debian's Chromium and its driver (as root: apt-get install chromium"
            + " chromium-driver; .ci/run does it when they are missing), or point CHROME_BIN and CHROMEDRIVER at them";

    private HeadlessChromium() {
    }

    /** A new headless browser with a window of the given size. */
    static ChromeDriver start(int width, int height) {
        Path browser = find("CHROME_BIN", List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"),
                List.of("chromium", "chromium-browser", "google-chrome"))
                .orElseThrow(() -> new AssertionError("No Chromium found for the browser test: " + INSTALL));
        Path driver = find("CHROMEDRIVER", List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"),
                List.of("chromedriver"))
                .orElseThrow(() -> new AssertionError("No chromedriver found for the browser test: " + INSTALL));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // no sandbox: CI runs as root in a container, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> find(String variable, List<String> paths, List<String> names) {
        String set = System.getenv(variable);
        if (set != null && !set.isBlank()) {
            return Optional.of(Path.of(set)).filter(Files::isExecutable);
        }
        Optional<Path> known = paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        if (known.isPresent()) {
            return known;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}

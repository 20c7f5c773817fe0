package app.marginalia.web.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import app.marginalia.web.Visitor;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A headless system Chromium driven by Playwright. Playwright never downloads a browser here:
 * the tests use the one installed with {@code apt-get install chromium} (or named by
 * {@code MARGINALIA_CHROMIUM}). Without one, browser tests are skipped with a message, unless
 * {@code MARGINALIA_BROWSER_TESTS=required} (as CI sets it), which turns that into a failure.
 */
public final class Browser implements AutoCloseable {

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Path chromium) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    public static Browser launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("MARGINALIA_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String message = "No Chromium at " + chromium + ": install it with 'apt-get install chromium' "
                    + "or set MARGINALIA_CHROMIUM.";
            if ("required".equals(System.getenv("MARGINALIA_BROWSER_TESTS"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + " Browser tests skipped.");
        }
        return new Browser(chromium);
    }

    /** A fresh context (its own cookies and storage), as a separate person would have. */
    public BrowserContext newContext(int width, int height) {
        return browser.newContext(new NewContextOptions().setViewportSize(width, height)
                .setBaseURL("http://localhost:" + Integer.getInteger("quarkus.http.test-port", 8081)));
    }

    /** A context signed in as the visitor, by carrying over its cookies, as if they had signed in there. */
    public BrowserContext signedIn(Visitor visitor, int width, int height) {
        BrowserContext context = newContext(width, height);
        List<Cookie> cookies = new ArrayList<>();
        visitor.cookies().forEach((name, value) -> cookies.add(new Cookie(name, value).setDomain("localhost").setPath("/")));
        context.addCookies(cookies);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

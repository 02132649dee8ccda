package io.truecount.e2e;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Saves what the browser showed when a test failed, as target/screenshots/&lt;test&gt;.png (+ .html), before the
 * browser is closed.
 */
final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

    private final Supplier<Browser> browser;

    ScreenshotOnFailure(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Browser open = browser.get();
        if (open != null) {
            try {
                Path file = Path.of(
                        "target",
                        "screenshots",
                        context.getRequiredTestClass().getSimpleName() + "-"
                                + context.getRequiredTestMethod().getName() + ".png");
                open.screenshot(file);
                failure.addSuppressed(new AssertionError("screenshot: " + file.toAbsolutePath()));
            } catch (RuntimeException screenshotFailed) {
                failure.addSuppressed(screenshotFailed);
            }
        }
        throw failure;
    }
}

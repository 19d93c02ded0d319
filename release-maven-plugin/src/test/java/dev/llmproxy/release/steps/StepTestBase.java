package dev.llmproxy.release.steps;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link StepFixture} per test, closed after it. */
abstract class StepTestBase {
    @TempDir
    Path dir;

    StepFixture fixture;

    @BeforeEach
    void openFixture() {
        fixture = new StepFixture(dir);
    }

    @AfterEach
    void closeFixture() {
        fixture.close();
    }
}

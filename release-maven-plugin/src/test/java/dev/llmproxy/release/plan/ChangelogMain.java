package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseLog;
import java.nio.file.Path;

/** Runs {@code release:changelog} in dry run on the repository named by the argument; prints the version. For {@link ChangelogHeapTest}. */
public final class ChangelogMain {
    public static void main(String[] args) {
        TestSettings settings = new TestSettings(Path.of(args[0]));
        settings.dryRun = true;
        settings.repository = "example-org/app";
        System.out.println(new ReleaseEngine(settings.build(), ReleaseLog.SILENT).changelog().version());
    }
}

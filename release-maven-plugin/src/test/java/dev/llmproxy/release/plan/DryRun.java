package dev.llmproxy.release.plan;

import dev.llmproxy.release.ReleaseLog;
import java.util.ArrayList;
import java.util.List;

/** The engine's dry run ({@code release:bump -Drelease.dryRun=true}) with a log that keeps every line. */
final class DryRun {
    /** Info lines as written, warnings prefixed with {@code "WARN "}, in order. */
    final List<String> lines = new ArrayList<>();

    ReleasePlan run(TestSettings settings) {
        settings.dryRun = true;
        return new ReleaseEngine(settings.build(), new ReleaseLog() {
            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add("WARN " + line);
            }
        }).bump();
    }
}

package dev.llmproxy.release.github;

import dev.llmproxy.release.ReleaseLog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every log line, prefixed with its level. */
public final class RecordingLog implements ReleaseLog {
    public final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    String all() {
        return String.join("\n", lines);
    }
}

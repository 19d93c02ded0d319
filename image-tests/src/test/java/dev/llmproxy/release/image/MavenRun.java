package dev.llmproxy.release.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs this repository's Maven wrapper as a real process on the {@code llm-proxy-cli} module. */
final class MavenRun {
    /** The reactor root: the parent of this module's directory. */
    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private MavenRun() {}

    record Result(int exitCode, String output) {
        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    /**
     * @param log where Maven's output goes
     * @param env variables added to (or, with a null value, removed from) this process's environment
     * @param args goals and {@code -D} options
     */
    static Result llmProxyCli(Path log, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-ntp",
                "-f", ROOT.resolve("pom.xml").toString(), "-pl", "llm-proxy-cli"));
        if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + System.getProperty("maven.repo.local"));
        }
        command.addAll(args);
        var builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        for (String secret : List.of("GITHUB_TOKEN", "GITHUB_ACTOR", "GH_TOKEN")) {
            builder.environment().remove(secret);
        }
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("mvn " + args + " did not finish in 5 minutes; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log));
    }
}

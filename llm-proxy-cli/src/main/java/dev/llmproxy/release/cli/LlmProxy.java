package dev.llmproxy.release.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code llm-proxy} command. */
@Command(
        name = "llm-proxy",
        mixinStandardHelpOptions = true,
        versionProvider = LlmProxy.Version.class,
        description = "LLM proxy tools: cut releases with one command.")
public final class LlmProxy implements Runnable {

    /**
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LlmProxy()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Reads the version that the build writes into {@code llm-proxy-version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            var props = new java.util.Properties();
            try (var in = LlmProxy.class.getResourceAsStream("/llm-proxy-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"llm-proxy " + props.getProperty("version", "unknown")};
        }
    }
}

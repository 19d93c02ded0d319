package dev.llmproxy.release.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code llm-proxy completion bash|zsh|fish}: prints a shell completion script. bash: picocli's
 * {@link AutoComplete}; zsh: the same script, which loads zsh's bash completion compatibility
 * ({@code bashcompinit}) itself; fish: {@code complete} lines made from the command model.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = LlmProxy.Version.class,
        description = {"Print a shell completion script.",
                "bash: source <(llm-proxy completion bash)   zsh: source <(llm-proxy completion zsh)",
                "fish: llm-proxy completion fish > ~/.config/fish/completions/llm-proxy.fish"})
final class CompletionCommand implements Callable<Integer> {
    /** The shells. */
    enum Shell { bash, zsh, fish }

    @ParentCommand
    LlmProxy parent;

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = new CommandLine(new LlmProxy());
        String script = shell == Shell.fish ? fish(root.getCommandSpec()) : AutoComplete.bash("llm-proxy", root);
        parent.terminal().out().print(script);
        parent.terminal().out().flush();
        return 0;
    }

    /**
     * @param root the {@code llm-proxy} command model
     * @return fish {@code complete} lines: each subcommand under its parent, each option of each
     *     command (with its enum values)
     */
    static String fish(CommandSpec root) {
        StringBuilder out = new StringBuilder("# fish completion for llm-proxy (llm-proxy completion fish)\n");
        out.append("complete -c llm-proxy -f\n");
        fish(root, "", out);
        return out.toString();
    }

    private static void fish(CommandSpec command, String path, StringBuilder out) {
        String condition = path.isEmpty()
                ? "__fish_use_subcommand"
                : "__fish_seen_subcommand_from " + path.substring(path.lastIndexOf(' ') + 1);
        command.subcommands().forEach((name, sub) -> {
            if (!name.equals(sub.getCommandName())) {
                return; // an alias
            }
            out.append("complete -c llm-proxy -n '").append(condition).append("' -a ").append(name)
                    .append(" -d ").append(quote(description(sub.getCommandSpec()))).append('\n');
        });
        if (!path.isEmpty()) {
            for (OptionSpec option : command.options()) {
                out.append("complete -c llm-proxy -n '").append(condition).append("'");
                for (String name : option.names()) {
                    out.append(name.startsWith("--") ? " -l " + name.substring(2)
                            : name.length() == 2 ? " -s " + name.substring(1) : " -o " + name.substring(1));
                }
                if (option.arity().min() > 0) {
                    out.append(" -r");
                    if (option.completionCandidates() != null) {
                        out.append(" -a ").append(quote(String.join(" ", option.completionCandidates())));
                    }
                }
                String[] text = option.description();
                if (text.length > 0) {
                    out.append(" -d ").append(quote(text[0].replace("${COMPLETION-CANDIDATES}", "")));
                }
                out.append('\n');
            }
        }
        command.subcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                fish(sub.getCommandSpec(), (path + " " + name).strip(), out);
            }
        });
    }

    private static String description(CommandSpec spec) {
        String[] text = spec.usageMessage().description();
        return text.length == 0 ? "" : text[0];
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

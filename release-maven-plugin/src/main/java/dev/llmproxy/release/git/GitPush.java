package dev.llmproxy.release.git;

import dev.llmproxy.release.ReleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * Runs {@code git push --atomic} with the {@code git} command line, so that a maintainer's SSH keys,
 * credential helpers and {@code insteadOf} rules work exactly as they do in a terminal.
 *
 * <p>A CI token is handed to git only through environment-based configuration ({@code
 * GIT_CONFIG_COUNT}/{@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n}, git 2.31+) as an {@code
 * http.extraheader}; it never appears on a command line, and every text taken from git's output is
 * masked before it reaches an exception message.
 */
final class GitPush {

    /** The user name GitHub expects with an installation or {@code GITHUB_TOKEN} token. */
    static final String TOKEN_USER = "x-access-token";

    private static final String MASK = "***";
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
    /** Variables that would point git at another repository than the one we opened. */
    private static final List<String> REPOSITORY_OVERRIDES =
            List.of(
                    "GIT_DIR",
                    "GIT_WORK_TREE",
                    "GIT_INDEX_FILE",
                    "GIT_OBJECT_DIRECTORY",
                    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
                    "GIT_COMMON_DIR",
                    "GIT_NAMESPACE");

    private final String gitExecutable;
    private final Path workTree;

    GitPush(String gitExecutable, Path workTree) {
        this.gitExecutable = gitExecutable;
        this.workTree = workTree;
    }

    /**
     * Pushes {@code refs/heads/<branch>} and {@code refs/tags/<tag>} to {@code remote} in one atomic
     * transaction: either both refs are updated on the remote or neither is.
     *
     * @param remote a configured remote name ({@code origin}) or a URL/path git accepts
     * @param pushUrl the URL git will push to (after {@code pushurl}/{@code insteadOf}), used only to
     *     decide whether the token may be sent; empty when unknown
     * @param token sent only to an {@code https} URL (or {@code http} on a loopback address)
     * @throws ReleaseException when git is missing
     * @throws PushFailure when git exits non-zero: git's first error line (secrets masked), the
     *     cause and its fix
     */
    void pushAtomic(String remote, Optional<URIish> pushUrl, String branch, String tag, Optional<String> token) {
        Optional<String> usedToken = usableToken(pushUrl, token);
        Result result = run(List.of(
                        "push",
                        "--atomic",
                        remote,
                        "refs/heads/" + branch + ":refs/heads/" + branch,
                        "refs/tags/" + tag + ":refs/tags/" + tag),
                usedToken, "push " + branch + " and " + tag + " to " + mask(remote, usedToken));
        if (result.exitCode() != 0) {
            String output = mask(result.output(), usedToken);
            PushFailure.Cause cause = PushFailure.classify(output);
            throw new PushFailure(cause,
                    "git push --atomic " + mask(remote, usedToken) + " " + branch + " " + tag
                            + " failed, nothing was updated on the remote: " + firstErrorLine(output, result.exitCode())
                            + "; " + PushFailure.explain(cause, mask(remote, usedToken), branch));
        }
    }

    /**
     * Reads where a tag is on the remote ({@code git ls-remote}), with the same credentials as the
     * push.
     *
     * @param remote a configured remote name or a URL/path git accepts
     * @param pushUrl as for {@link #pushAtomic}
     * @param tag the short tag name
     * @param token as for {@link #pushAtomic}
     * @return the commit the remote's tag peels to (for an annotated tag the {@code ^{}} line), or
     *     empty when the remote has no such tag
     * @throws ReleaseException when git is missing or the remote cannot be read, with the cause's fix
     */
    Optional<String> remoteTagCommit(String remote, Optional<URIish> pushUrl, String tag, Optional<String> token) {
        Optional<String> usedToken = usableToken(pushUrl, token);
        String ref = "refs/tags/" + tag;
        Result result = run(List.of("ls-remote", "--tags", remote, ref, ref + "^{}"), usedToken,
                "read tag " + tag + " on " + mask(remote, usedToken));
        if (result.exitCode() != 0) {
            String output = mask(result.output(), usedToken);
            PushFailure.Cause cause = PushFailure.classify(output);
            throw new PushFailure(cause, "git ls-remote " + mask(remote, usedToken) + " " + ref + " failed, so the release"
                    + " cannot check the tag there before writing anything: " + firstErrorLine(output, result.exitCode())
                    + "; " + PushFailure.explain(cause, mask(remote, usedToken), "the branch"));
        }
        String direct = null;
        String peeled = null;
        for (String line : result.output().split("\\R")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && fields[1].equals(ref)) {
                direct = fields[0];
            } else if (fields.length == 2 && fields[1].equals(ref + "^{}")) {
                peeled = fields[0];
            }
        }
        return Optional.ofNullable(peeled != null ? peeled : direct);
    }

    /** git's exit code and its output (stdout and stderr merged, not yet masked). */
    private record Result(int exitCode, String output) {}

    private Optional<String> usableToken(Optional<URIish> pushUrl, Optional<String> token) {
        return token.filter(t -> !t.isBlank()).filter(t -> pushUrl.map(GitPush::mayCarryToken).orElse(false));
    }

    /**
     * Runs git in the work tree with stdin closed, no terminal prompt, the C locale (so that
     * messages can be read), none of the variables that would point it at another repository, and
     * the token (when given) as an environment-provided header.
     */
    private Result run(List<String> arguments, Optional<String> usedToken, String what) {
        List<String> command = new ArrayList<>();
        command.add(gitExecutable);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workTree.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        REPOSITORY_OVERRIDES.forEach(environment::remove);
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("LC_ALL", "C");
        usedToken.ifPresent(t -> addTokenHeader(environment, t));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new ReleaseException(
                    "cannot run '" + gitExecutable + "' to " + what + " (" + mask(e.getMessage(), usedToken)
                            + "): install git and put it on the PATH, then rerun");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseException("interrupted while trying to " + what + ": rerun");
        }
    }

    /**
     * Adds {@code http.extraheader = AUTHORIZATION: basic base64(x-access-token:TOKEN)} to the
     * environment-based git configuration, after any entries the environment already defines.
     */
    static void addTokenHeader(Map<String, String> environment, String token) {
        int index = parseCount(environment.get("GIT_CONFIG_COUNT"));
        environment.put("GIT_CONFIG_KEY_" + index, "http.extraheader");
        environment.put("GIT_CONFIG_VALUE_" + index, "AUTHORIZATION: basic " + basicCredentials(token));
        environment.put("GIT_CONFIG_COUNT", Integer.toString(index + 1));
    }

    static String basicCredentials(String token) {
        return Base64.getEncoder().encodeToString((TOKEN_USER + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the token, its Basic form and any user info in URLs by {@code ***}. */
    static String mask(String text, Optional<String> token) {
        if (text == null) {
            return "";
        }
        String masked = text;
        if (token.isPresent()) {
            masked = masked.replace(basicCredentials(token.get()), MASK).replace(token.get(), MASK);
        }
        return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    /**
     * The line of git's output that says what went wrong: the first rejected ref ({@code ! [rejected]
     * main -> main (fetch first)}), else the first {@code fatal:}/{@code error:} line, else the last
     * non-blank line.
     */
    static String firstErrorLine(String output, int exitCode) {
        List<String> lines = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines.stream()
                .filter(line -> line.startsWith("!") && !line.endsWith("(atomic push failed)"))
                .findFirst()
                .or(() -> lines.stream().filter(line -> line.startsWith("!")).findFirst())
                .or(() -> lines.stream().filter(line -> line.startsWith("fatal:") || line.startsWith("error:")).findFirst())
                .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                .orElse("git exited with code " + exitCode);
    }

    /** A token goes only over TLS, or to this machine (a local test server). */
    static boolean mayCarryToken(URIish url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || (scheme.equals("http") && isLoopback(url.getHost()));
    }

    private static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false; // never resolve a name just to decide this
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int parseCount(String value) {
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

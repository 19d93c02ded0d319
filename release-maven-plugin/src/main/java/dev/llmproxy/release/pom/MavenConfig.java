package dev.llmproxy.release.pom;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user properties ({@code -Dname=value}) of a reactor's {@code .mvn/maven.config}, and a
 * byte-preserving rewrite of one property's value.
 *
 * <p>Recognised forms: {@code -Dname=value}, {@code -D name=value}, {@code --define name=value},
 * {@code --define=name=value}, each optionally with the value in double or single quotes. When a
 * name occurs more than once the last occurrence wins, as on Maven's command line. Everything but
 * the rewritten value stays byte for byte (other arguments, comments, line ends). Lines starting
 * with {@code #} are comments (Maven 3.9).
 */
final class MavenConfig {
    static final String RELATIVE_PATH = ".mvn/maven.config";

    private static final Pattern DEFINE = Pattern.compile(
            "(?<=^|\\s)(?:-D\\s*|--define(?:=|\\s+))([^\\s=]+)=(\"[^\"]*\"|'[^']*'|\\S*)");

    private final String text;
    private final Map<String, int[]> valueRanges = new LinkedHashMap<>();

    private MavenConfig(String text) {
        this.text = text;
        Matcher m = DEFINE.matcher(text);
        while (m.find()) {
            if (inComment(m.start())) {
                continue;
            }
            int start = m.start(2);
            int end = m.end(2);
            String raw = m.group(2);
            if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
                start++;
                end--;
            }
            valueRanges.put(m.group(1), new int[] {start, end});
        }
    }

    private boolean inComment(int index) {
        int lineStart = text.lastIndexOf('\n', index) + 1;
        return text.substring(lineStart, index).strip().startsWith("#");
    }

    /** @param bytes the file content, UTF-8; an empty array stands for a missing file */
    static MavenConfig parse(byte[] bytes) {
        return new MavenConfig(new String(bytes, StandardCharsets.UTF_8));
    }

    /** @return name to value of every user property defined, in file order */
    Map<String, String> properties() {
        Map<String, String> result = new LinkedHashMap<>();
        valueRanges.forEach((name, range) -> result.put(name, text.substring(range[0], range[1])));
        return result;
    }

    boolean defines(String name) {
        return valueRanges.containsKey(name);
    }

    /**
     * @return the file content (UTF-8) with the winning value of each named property replaced;
     *     names not defined here are ignored
     */
    byte[] withValues(Map<String, String> newValues) {
        StringBuilder out = new StringBuilder(text);
        valueRanges.entrySet().stream()
                .filter(e -> newValues.containsKey(e.getKey()))
                .sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> out.replace(e.getValue()[0], e.getValue()[1], newValues.get(e.getKey())));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}

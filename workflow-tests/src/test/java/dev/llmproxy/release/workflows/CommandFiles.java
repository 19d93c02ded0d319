package dev.llmproxy.release.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the files a step writes to talk to the runner ({@code GITHUB_OUTPUT}, {@code GITHUB_ENV}) the way the
 * GitHub Actions runner does (docs "Workflow commands for GitHub Actions", "Multiline strings"): each entry is
 * either {@code name=value} on one line, or {@code name<<DELIMITER}, the value's lines, then a line equal to
 * {@code DELIMITER}. Blank lines between entries are ignored; a later entry replaces an earlier one.
 */
final class CommandFiles {
    private CommandFiles() {
    }

    /**
     * Parses the content of a command file.
     *
     * @param content the file's text ({@code \n} or {@code \r\n} line ends)
     * @return names to values, in first-seen order
     * @throws IllegalArgumentException for a line that is neither form, or a missing closing delimiter, as the
     *                                  runner fails the step ("Invalid format", "Matching delimiter not found")
     */
    static Map<String, String> parse(String content) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (equals > 0 && (heredoc < 0 || equals < heredoc)) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            } else if (heredoc > 0) {
                String name = line.substring(0, heredoc);
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).equals(delimiter)) {
                    value.append(end == i + 1 ? "" : "\n").append(lines.get(end));
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalArgumentException("Matching delimiter not found '" + delimiter + "' for '" + name + "'");
                }
                values.put(name, value.toString());
                i = end;
            } else {
                throw new IllegalArgumentException("Invalid format '" + line + "'");
            }
        }
        return values;
    }
}

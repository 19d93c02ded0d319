package dev.llmproxy.release.cli;

/** ANSI styles that collapse to plain text when colour is off. */
final class Style {
    private final boolean colour;

    /** @param colour whether to emit ANSI escape sequences */
    Style(boolean colour) {
        this.colour = colour;
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    private String wrap(String sgr, String text) {
        return colour ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }
}

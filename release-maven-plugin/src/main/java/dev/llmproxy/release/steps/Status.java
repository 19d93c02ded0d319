package dev.llmproxy.release.steps;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link Step} found or did, in one line (docs/architecture.md, "The engine as steps").
 *
 * @param state {@link State#DONE}, {@link State#TODO}, {@link State#SKIPPED} or {@link State#BLOCKED}
 * @param line one line: what is done, what apply would do, why it is skipped, or why it is blocked and the fix
 */
public record Status(State state, String line) {

    /** The four answers of a check. */
    public enum State {
        /** The world already holds the step's effect. */
        DONE,
        /** Something is missing; {@link Step#apply} would add it. */
        TODO,
        /** Switched off by the settings or not needed by this plan. */
        SKIPPED,
        /** Nothing a step can fix stands in the way; the line names the fix. */
        BLOCKED;

        /** @return the lower-case name plan.json and the log use: {@code done}, {@code todo}, ... */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Both parts are required. */
    public Status {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(line, "line");
    }

    /** @return a DONE status saying what the world holds */
    public static Status done(String line) {
        return new Status(State.DONE, line);
    }

    /** @return a TODO status saying what apply would do */
    public static Status todo(String line) {
        return new Status(State.TODO, line);
    }

    /** @return a SKIPPED status saying why */
    public static Status skipped(String line) {
        return new Status(State.SKIPPED, line);
    }

    /**
     * @param refusal the one-line refusal, naming the input and the fix (as the goal's error message)
     * @return a BLOCKED status
     */
    public static Status blocked(String refusal) {
        return new Status(State.BLOCKED, refusal);
    }

    /** @return whether {@link Step#apply} is due */
    public boolean isTodo() {
        return state == State.TODO;
    }
}

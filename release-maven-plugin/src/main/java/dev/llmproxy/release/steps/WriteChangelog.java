package dev.llmproxy.release.steps;

import dev.llmproxy.release.ReleaseException;
import dev.llmproxy.release.notes.ChangelogUpdater;
import dev.llmproxy.release.plan.ReleasePlan;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The version's section of the changelog ({@code release.notes.changelogFile}); DONE when the file already is that. */
public final class WriteChangelog implements Step {
    @Override
    public String name() {
        return "write changelog";
    }

    @Override
    public Status check(ReleasePlan plan, World world) {
        var settled = Settled.localEffect(plan, world);
        if (settled.isPresent()) {
            return settled.get();
        }
        String name = world.settings().notes().changelogFile();
        Path file = world.settings().root().resolve(name);
        String existing;
        try {
            existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (CharacterCodingException e) {
            return Status.blocked(name + " is not UTF-8: convert it to UTF-8, then rerun");
        } catch (IOException e) {
            throw new ReleaseException("cannot read " + file + ": " + e.getMessage() + "; check its permissions", e);
        }
        String wanted = new ChangelogUpdater(world.renderer()).update(existing, world.notes());
        return wanted.equals(existing)
                ? Status.done(name + " has the " + plan.version() + " section")
                : Status.todo("write the " + plan.version() + " section to " + name);
    }

    @Override
    public Status apply(ReleasePlan plan, World world) {
        String name = world.settings().notes().changelogFile();
        new ChangelogUpdater(world.renderer()).updateFile(world.settings().root().resolve(name), world.notes());
        return Status.done("wrote the " + plan.version() + " section to " + name);
    }
}

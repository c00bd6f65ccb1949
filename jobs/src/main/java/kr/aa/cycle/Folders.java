package kr.aa.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder moves and deletions for publishing a run's output in place of the year's earlier one. */
public final class Folders {

    private Folders() {
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Fails unless {@code dir} exists as a folder or its nearest existing ancestor is a writable folder. */
    public static void checkCanMake(Path dir) {
        Path existing = dir.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new IllegalStateException("cannot make " + dir + ": " + existing
                    + (Files.isDirectory(existing) ? " is not writable" : " is a file, not a folder"));
        }
    }

    /**
     * Puts {@code source} at {@code target}, replacing what was there: the old folder is first renamed
     * aside, so the target is never half-written, then deleted.
     */
    public static void replace(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path aside = target.resolveSibling("." + target.getFileName() + ".replaced");
            delete(aside);
            if (Files.exists(target)) {
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            delete(aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + source + " to " + target, e);
        }
    }
}

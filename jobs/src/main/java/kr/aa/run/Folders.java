package kr.aa.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Folder moves and deletions for publishing a run's output in place of the year's earlier one, and the
 * permissions of the output folder's areas: the private ones (the embedded database, the work folders, the
 * staging area with everyone's pay) owner-only, the published ones (warehouse, reports) readable by all.
 */
public final class Folders {

    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private Folders() {
    }

    /** Makes {@code dir} (and its missing parents) if need be, and makes it and all it holds owner-only. */
    public static Path createPrivate(Path dir) {
        create(dir);
        setPermissions(dir, PRIVATE_FOLDER, PRIVATE_FILE);
        return dir;
    }

    /**
     * Makes {@code dir} (and its missing parents, the same way) if it is missing, readable by all but written by
     * its owner; a folder that exists keeps the permissions its owner gave it. The umask of a run is 077, so a
     * folder is made under a temporary name, opened to all and then renamed into place: a run killed meanwhile
     * never leaves {@code dir} owner-only for the next to keep.
     */
    public static Path createPublic(Path dir) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createPublic(parent);
        }
        Path making = dir.resolveSibling("." + dir.getFileName() + ".making");
        delete(making);
        create(making);
        setFolderPermissions(making, PUBLIC_FOLDER);
        try {
            Files.move(making, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(making);
            if (!Files.isDirectory(dir)) {  // unless another run made it meanwhile
                throw new UncheckedIOException("cannot make " + dir, e);
            }
        }
        return dir;
    }

    /** Makes {@code dir} and all it holds readable by all, written by its owner. */
    public static void makePublic(Path dir) {
        setPermissions(dir, PUBLIC_FOLDER, PUBLIC_FILE);
    }

    private static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir, e);
        }
    }

    private static void setPermissions(Path dir, Set<PosixFilePermission> folders, Set<PosixFilePermission> files) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path, Files.isDirectory(path) ? folders : files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + dir, e);
        }
    }

    private static void setFolderPermissions(Path dir, Set<PosixFilePermission> folder) {
        if (!posix(dir)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(dir, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + dir, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
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
     * aside, so the target is never half-written, then deleted ({@link #finishReplace}).
     */
    public static void replace(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path aside = aside(target);
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

    /** The bytes of the files in {@code dir} and below. */
    public static long size(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            long bytes = 0;
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    /** The bytes that can still be written to the file system of {@code dir}. */
    public static long usableSpace(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
    }

    /** Deletes what a replacement of {@code target} cut short may have left aside. */
    public static void finishReplace(Path target) {
        delete(aside(target));
    }

    private static Path aside(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".replaced");
    }
}

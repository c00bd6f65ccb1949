package kr.aa.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import kr.aa.io.Storage;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.AccessControlException;

/**
 * Folder moves and deletions for publishing a run's output in place of the year's earlier one, and the
 * permissions of the output folder's areas: the private ones (the embedded database, the work folders, the
 * staging area with everyone's pay) owner-only, the published ones (warehouse, reports) readable by all. On any
 * file system {@link Storage} reaches.
 */
public final class Folders {

    private static final FsPermission PRIVATE_FOLDER = new FsPermission((short) 0700);
    private static final FsPermission PRIVATE_FILE = new FsPermission((short) 0600);
    private static final FsPermission PUBLIC_FOLDER = new FsPermission((short) 0755);
    private static final FsPermission PUBLIC_FILE = new FsPermission((short) 0644);

    private Folders() {
    }

    /** Makes {@code dir} (and its missing parents) if need be, and makes it and all it holds owner-only. */
    public static Path createPrivate(Path dir) {
        Storage.mkdirs(dir);
        setPermissions(dir, PRIVATE_FOLDER, PRIVATE_FILE);
        return dir;
    }

    /**
     * Makes {@code dir} (and its missing parents, the same way) if it is missing, readable by all but written by
     * its owner; a folder that exists keeps the permissions its owner gave it. What a run makes is owner-only, so a
     * folder is made under a temporary name, opened to all and then renamed into place: a run killed meanwhile
     * never leaves {@code dir} owner-only for the next to keep.
     */
    public static Path createPublic(Path dir) {
        if (Storage.isDirectory(dir)) {
            return dir;
        }
        if (dir.getParent() != null) {
            createPublic(dir.getParent());
        }
        Path making = sibling(dir, ".making");
        Storage.delete(making);
        Storage.mkdirs(making);
        setPermission(making, PUBLIC_FOLDER);
        try {
            Storage.rename(making, dir);
        } catch (UncheckedIOException e) {
            Storage.delete(making);
            if (!Storage.isDirectory(dir)) {  // unless another run made it meanwhile
                throw new UncheckedIOException("cannot make " + dir, e.getCause());
            }
        }
        return dir;
    }

    /** Makes {@code dir} and all it holds readable by all, written by its owner. */
    public static void makePublic(Path dir) {
        setPermissions(dir, PUBLIC_FOLDER, PUBLIC_FILE);
    }

    private static void setPermissions(Path dir, FsPermission folders, FsPermission files) {
        setPermission(dir, folders);
        for (FileStatus entry : Storage.walk(dir)) {
            setPermission(entry.getPath(), entry.isDirectory() ? folders : files);
        }
    }

    private static void setPermission(Path path, FsPermission permission) {
        try {
            Storage.fs(path).setPermission(path, permission);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the permissions of " + path, e);
        }
    }

    public static void delete(Path dir) {
        Storage.delete(dir);
    }

    /** Fails unless {@code dir} exists as a folder or its nearest existing ancestor is a writable folder. */
    public static void checkCanMake(Path dir) {
        Path existing = dir;
        while (!Storage.exists(existing)) {
            existing = existing.getParent();
        }
        boolean folder = Storage.isDirectory(existing);
        if (folder && writable(existing)) {
            return;
        }
        throw new IllegalStateException("cannot make " + dir + ": " + existing
                + (folder ? " is not writable" : " is a file, not a folder"));
    }

    /**
     * Puts {@code source} at {@code target}, replacing what was there: the old folder is first renamed
     * aside, so the target is never half-written, then deleted ({@link #finishReplace}).
     */
    public static void replace(Path source, Path target) {
        Storage.mkdirs(target.getParent());
        Path aside = aside(target);
        Storage.delete(aside);
        if (Storage.exists(target)) {
            Storage.rename(target, aside);
        }
        Storage.rename(source, target);
        Storage.delete(aside);
    }

    /** The bytes of the files in {@code dir} and below. */
    public static long size(Path dir) {
        return Storage.walk(dir).stream().filter(FileStatus::isFile).mapToLong(FileStatus::getLen).sum();
    }

    /** The bytes that can still be written to the file system of {@code dir}. */
    public static long usableSpace(Path dir) {
        try {
            return Storage.isLocal(dir) ? Files.getFileStore(Storage.toLocal(dir)).getUsableSpace()
                    : Storage.fs(dir).getStatus(dir).getRemaining();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + dir, e);
        }
    }

    /** Deletes what a replacement of {@code target} cut short may have left aside. */
    public static void finishReplace(Path target) {
        Storage.delete(aside(target));
    }

    private static Path aside(Path target) {
        return sibling(target, ".replaced");
    }

    private static Path sibling(Path path, String suffix) {
        return Storage.child(path.getParent(), "." + path.getName() + suffix);
    }

    /**
     * Whether this process may write into a folder: the system's answer on the local disk (root, access lists,
     * read-only mounts), the file system's own check elsewhere.
     */
    private static boolean writable(Path folder) {
        if (Storage.isLocal(folder)) {
            return Files.isWritable(Storage.toLocal(folder));
        }
        try {
            Storage.fs(folder).access(folder, FsAction.WRITE);
            return true;
        } catch (AccessControlException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }
}

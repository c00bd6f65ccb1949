package kr.aa.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) with permissions set through Java's own file API. Without Hadoop's
 * native library, which no Maven artifact carries, Hadoop sets the permission of every folder and file it makes by
 * starting a {@code chmod} process: a couple of hundred processes a cycle. The permissions set are the same.
 */
public final class PosixLocalFileSystem extends LocalFileSystem {

    /** Bits 8 to 0 of a mode ({@code rwxrwxrwx}), highest first, in {@link PosixFilePermission}'s order. */
    private static final PosixFilePermission[] BITS = PosixFilePermission.values();

    public PosixLocalFileSystem() {
        super(new Raw());
    }

    /** The permissions of the nine lower bits of a mode; the sticky bit has no local meaning here. */
    static Set<PosixFilePermission> permissions(short mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mode & (1 << (BITS.length - 1 - i))) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return permissions;
    }

    private static final class Raw extends RawLocalFileSystem {

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), permissions(permission.toShort()));
        }
    }
}

package kr.aa.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixLocalFileSystemTest {

    @TempDir
    Path dir;

    @Test
    void aModesNineLowerBitsAreItsPermissions() {
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), PosixLocalFileSystem.permissions((short) 0755));
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), PosixLocalFileSystem.permissions((short) 0640));
        assertEquals(PosixFilePermissions.fromString("rwxrwxrwx"), PosixLocalFileSystem.permissions((short) 01777));
    }

    @Test
    void foldersAndFilesGetThePermissionsHadoopAsksFor() throws Exception {
        Configuration conf = new Configuration(false);
        conf.set("fs.permissions.umask-mode", "027");
        try (FileSystem fs = new PosixLocalFileSystem()) {
            fs.initialize(dir.toUri(), conf);
            org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.resolve("a/b").toUri());
            fs.mkdirs(folder, new FsPermission((short) 0777));
            fs.create(new org.apache.hadoop.fs.Path(folder, "part.parquet"), true).close();
        }
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
        assertEquals("rw-r-----",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/part.parquet"))));
    }
}

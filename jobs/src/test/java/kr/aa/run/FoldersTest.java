package kr.aa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import kr.aa.io.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders of an output folder, made public or private whatever a killed run left behind. */
class FoldersTest {

    @TempDir
    Path dir;

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aPublicFolderAndItsMissingParentsAreMadeReadableByAllOverWhatAKilledRunLeftHalfMade() throws IOException {
        Path leftover = Files.createDirectories(dir.resolve("out/.warehouse.making/units"));
        Files.setPosixFilePermissions(leftover.getParent(), PosixFilePermissions.fromString("rwx------"));
        Path reports = Storage.toLocal(Folders.createPublic(Storage.local(dir.resolve("out/reports/2025"))));
        assertEquals("rwxr-xr-x", permissions(reports));
        assertEquals("rwxr-xr-x", permissions(reports.getParent()));
        Path warehouse = Storage.toLocal(Folders.createPublic(Storage.local(dir.resolve("out/warehouse"))));
        assertEquals("rwxr-xr-x", permissions(warehouse));
        assertFalse(Files.exists(leftover.getParent()), "the half-made folder was left");
    }

    @Test
    void aFolderThatExistsKeepsThePermissionsItsOwnerGaveIt() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.setPosixFilePermissions(reports, PosixFilePermissions.fromString("rwxr-x---"));
        Folders.createPublic(Storage.local(reports));
        assertEquals("rwxr-x---", permissions(reports));
    }

    @Test
    void aFolderNamedWithAColonIsMadeLikeAnyOther() throws IOException {
        Path out = Storage.toLocal(Folders.createPublic(Storage.local(dir.resolve("2025-01-01T10:00/out"))));
        assertEquals("rwxr-xr-x", permissions(out));
        assertEquals(dir.resolve("2025-01-01T10:00/out"), out);
    }
}

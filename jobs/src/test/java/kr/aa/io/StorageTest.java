package kr.aa.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the output lives, as a user names it, and what a folder holds, whatever its files are called. */
class StorageTest {

    @TempDir
    Path dir;

    @Test
    void aUriIsAHadoopFileSystemsAndAnythingElseALocalPathMadeAbsolute() {
        assertEquals("hdfs://namenode:8020/aa", Storage.location("hdfs://namenode:8020/aa").toString());
        assertEquals(Path.of("out").toAbsolutePath().toString(), Storage.location("out").toString());
        assertEquals(Path.of("a:b").toAbsolutePath().toString(), Storage.location("a:b").toString());
        assertTrue(Storage.isLocal(Storage.location("out")));
        assertFalse(Storage.isLocal(Storage.location("hdfs://namenode:8020/aa")));
    }

    @Test
    void aFolderListsItsEntriesByNameWhateverCharactersTheyHold() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("a b#c%20d"));
        for (String name : List.of("notes:1.csv", "b #2%20.csv", "요약.csv")) {
            Files.writeString(folder.resolve(name), name);
        }
        List<org.apache.hadoop.fs.Path> entries = Storage.list(Storage.local(folder));
        assertEquals(List.of("b #2%20.csv", "notes:1.csv", "요약.csv"),
                entries.stream().map(org.apache.hadoop.fs.Path::getName).toList());
        for (org.apache.hadoop.fs.Path entry : entries) {
            assertEquals(entry.getName(), Storage.readString(entry));
            assertEquals(folder.resolve(entry.getName()), Storage.toLocal(entry));
        }
        assertEquals(List.of(), Storage.list(Storage.local(dir.resolve("missing"))));
    }

    @Test
    void aRenameNeverMovesIntoAFolderOfTheTargetsName() throws Exception {
        Path from = Files.createDirectories(dir.resolve(".warehouse.making"));
        Path to = Files.createDirectories(dir.resolve("warehouse/units"));
        assertThrows(UncheckedIOException.class,
                () -> Storage.rename(Storage.local(from), Storage.local(to.getParent())));
        assertTrue(Files.isDirectory(from));
        assertEquals(List.of(to), Files.list(to.getParent()).toList());
    }
}

package kr.aa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycleBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void theDigestsNameEveryFileOfTheFoldersInOrder() throws IOException {
        Files.createDirectories(dir.resolve("reports/2025"));
        Files.writeString(dir.resolve("reports/2025/units.csv"), "abc");
        Files.createDirectories(dir.resolve("warehouse"));
        Files.writeString(dir.resolve("warehouse/b"), "");
        Files.writeString(dir.resolve("staging.csv"), "personal data is no result");
        assertEquals("""
                ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  reports/2025/units.csv
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  warehouse/b
                """, CycleBenchmark.digests(dir, List.of("reports", "warehouse")));
    }

    @Test
    void aDifferenceNamesTheFilesChangedMissingAndAdded() {
        String expected = "aa  reports/a.csv\nbb  reports/b.csv\ncc  warehouse/c.parquet\n";
        String found = "aa  reports/a.csv\nbx  reports/b.csv\ndd  warehouse/d.parquet\n";
        assertEquals(List.of("reports/b.csv", "warehouse/c.parquet", "warehouse/d.parquet"),
                CycleBenchmark.differences(expected, found));
        assertEquals(List.of(), CycleBenchmark.differences(expected, expected));
    }
}

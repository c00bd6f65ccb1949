package kr.aa.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    private List<CsvTable.Row> read(byte[] content, String... columns) throws IOException {
        Files.write(dir.resolve("t.csv"), content);
        try (CsvTable table = CsvTable.open(Storage.local(dir), "t.csv", List.of(columns))) {
            List<CsvTable.Row> rows = new ArrayList<>();
            table.forEach(rows::add);
            return rows;
        }
    }

    @Test
    void byteOrderMarkAndCrlfAsSpreadsheetsWriteThem() throws IOException {
        byte[] content = "\uFEFFb,a\r\n2,1\r\n4,3\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<CsvTable.Row> rows = read(content, "a", "b");
        assertEquals(2, rows.size());
        assertEquals("1", rows.get(0).get("a"));
        assertEquals("4", rows.get(1).get("b"));
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void quotedFieldsMaySpanLinesAndRecordsKeepTheirStartingLine() throws IOException {
        String text = "a,b\n\"x, \"\"quoted\"\"\",1\n\"two\nlines\",2\nlast,3\n";
        List<CsvTable.Row> rows = read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "a", "b");
        assertEquals("x, \"quoted\"", rows.get(0).get("a"));
        assertEquals("two\nlines", rows.get(1).get("a"));
        assertEquals(3, rows.get(1).line());
        assertEquals(5, rows.get(2).line());
    }

    @Test
    void malformedUtf8StopsTheRunNamingFileAndLine() {
        byte[] content = {'a', '\n', '1', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        BundleException e = assertThrows(BundleException.class, () -> read(content, "a"));
        assertEquals("t.csv line 3: the bytes are not valid UTF-8; save the file as UTF-8", e.getMessage());
    }

    @Test
    void aMissingColumnStopsTheRunNamingIt() {
        BundleException e = assertThrows(BundleException.class,
                () -> read("a,c\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "a", "b"));
        assertEquals("t.csv: the header lacks column b (found: a, c)", e.getMessage());
    }

    @Test
    void aMissingFileStopsTheRunNamingIt() {
        BundleException e = assertThrows(BundleException.class, () -> CsvTable.open(Storage.local(dir), "none.csv",
                List.of("a")));
        assertEquals("none.csv: the file is missing from the bundle " + dir, e.getMessage());
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsStopsTheRun() {
        BundleException e = assertThrows(BundleException.class,
                () -> read("a,b\n1,2\n1,2,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "a", "b"));
        assertEquals("t.csv line 3: 3 fields where the header has 2; quote any field that holds a comma",
                e.getMessage());
    }

    @Test
    void anUnclosedQuoteStopsTheRun() {
        BundleException e = assertThrows(BundleException.class,
                () -> read("a\n\"open\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "a"));
        assertEquals("t.csv line 2: a quoted field is never closed", e.getMessage());
    }
}

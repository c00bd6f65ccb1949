package kr.aa.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kr.aa.io.Storage;
import kr.aa.run.Refused;
import kr.aa.testing.InProcess;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A researcher's SQL over the published warehouse of {@code pay-cases} (docs/rules.md, "The warehouse in SQL"): every
 * dataset a table with its {@code reporting_year}, a query's rows printed or written as CSV or Parquet, the shell's
 * statements and history; nothing of the staging area readable.
 */
class WarehouseSqlIntegrationTest {

    @TempDir
    Path dir;

    private static WarehouseSql warehouse() {
        return new WarehouseSql(InProcess.spark(), Storage.local(InProcess.fixture("pay-cases").out()));
    }

    private static String printed(java.util.function.Consumer<PrintStream> print) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        print.accept(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyWarehouseDatasetIsATableOfItsYearsAndAQuerysRowsArePrintedOrWritten() throws Exception {
        WarehouseSql warehouse = warehouse();
        assertTrue(warehouse.tables().containsAll(List.of("units", "notifications", "pay_gap", "national_statistics")));
        assertFalse(warehouse.tables().contains("payroll"));
        String query = "SELECT reporting_year, COUNT(*) AS units, SUM(women) AS women FROM units GROUP BY 1";
        assertEquals("reporting_year | units | women\n2025           | 3     | 800\n1 row\n",
                printed(out -> warehouse.print(query, out)));
        Path csv = dir.resolve("units.csv");
        assertEquals(1, warehouse.write(query, Storage.local(csv)));
        assertEquals(List.of("reporting_year,units,women", "2025,3,800"), Files.readAllLines(csv));
        Path parquet = dir.resolve("units.parquet");
        assertEquals(1, warehouse.write(query, Storage.local(parquet)));
        assertEquals("[[2025,3,800]]", InProcess.spark().read().parquet(parquet.toString()).collectAsList().toString());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("units.csv", "units.parquet"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList(), "the parts of a written file were left");
        }
    }

    @Test
    void theStagingAreaIsNoTableAndNoFileAQueryCanName() throws Exception {
        WarehouseSql warehouse = warehouse();
        Path payroll = InProcess.fixture("pay-cases").out().resolve("staging/payroll");
        for (String query : List.of("SELECT * FROM payroll", "SELECT * FROM parquet.`" + payroll + "`")) {
            assertThrows(Refused.class, () -> warehouse.print(query, System.out), query);
        }
        assertThrows(Refused.class, () -> warehouse.write("SELECT 1",
                Storage.local(dir.resolve("one.txt"))));
        // a folder of the name is nobody's file to replace
        Path folder = Files.createDirectories(dir.resolve("result.csv/part-00000.csv")).getParent();
        assertThrows(Refused.class, () -> warehouse.write("SELECT 1", Storage.local(folder)));
        assertTrue(Files.isDirectory(folder.resolve("part-00000.csv")));
    }

    @Test
    void theShellRunsStatementsOverLinesSaysWhyOneIsRefusedAndKeepsItsHistory() throws Exception {
        WarehouseSql warehouse = warehouse();
        String input = "SELECT COUNT(*) AS notified\nFROM notifications;\nSELECT * FROM nothing;\nquit;\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path history = dir.resolve("history");
        String text;
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            text = printed(out -> {
                try {
                    warehouse.shell(terminal, history, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertTrue(text.contains("notified\n1\n1 row"), text);
        assertTrue(text.contains("nothing"), text);
        assertTrue(Files.readString(history).contains("FROM notifications;"));
    }
}

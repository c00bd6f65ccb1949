package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kr.aa.io.CsvWriter;
import kr.aa.io.DatasetSchema;
import kr.aa.io.Storage;
import kr.aa.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printable press list shows what its CSV holds as text, whatever a name or an address holds. */
class PressListPageTest {

    private static final String HOSTILE = Fixtures.HOSTILE_TEXT;

    @TempDir
    Path dir;

    @Test
    void hostileNamesAndAddressesArePrintedAsText() throws IOException {
        List<String> columns = DatasetSchema.load("reports", "press_list").columnNames();
        List<Object> row = new ArrayList<>();
        for (String column : columns) {
            row.add(switch (column) {
                case "reporting_year" -> "2025";
                case "workers", "women", "managers", "women_managers" -> "10";
                case "female_ratio", "manager_female_ratio", "standard_female_ratio", "standard_manager_female_ratio" ->
                        "0.100000";
                case "published_from" -> "2025-09-01";
                case "published_until" -> "2026-02-28";
                default -> column + " " + HOSTILE;
            });
        }
        try (CsvWriter out = new CsvWriter(Storage.local(dir.resolve("press_list.csv")), columns)) {
            out.row(row);
        }
        PressListPage.write(Storage.local(dir), 2025, new BigDecimal("0.6"));
        String page = Files.readString(dir.resolve("press_list.html"));
        for (String column : List.of("employer_name", "corporation_name", "corporation_address", "representative",
                "business_place_name", "business_place_address", "industry")) {
            assertTrue(page.contains(Html.escape(column + " " + HOSTILE)), column);
        }
        assertFalse(page.contains("<script>"));
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(f -> f.getFileName().toString().startsWith("press_list.")));
        }
    }
}

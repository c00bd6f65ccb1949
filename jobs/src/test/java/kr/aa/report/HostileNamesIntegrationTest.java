package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An employer's name as a statistician may find it in a registry ({@link Fixtures#HOSTILE_TEXT}) must come out of
 * every report, page and document, in HTML and in PDF, as the same text.
 */
class HostileNamesIntegrationTest {

    private static final String NAME = Fixtures.HOSTILE_TEXT;

    @TempDir
    Path dir;

    @Test
    void hostileNamesStayDataInEveryReportAndPage() throws IOException {
        Path bundle = Fixtures.bundle("pay-cases", dir.resolve("bundle"));
        String quoted = "\"" + NAME.replace("\"", "\"\"") + "\"";
        // the employer of a pay page, the notified one (its letter) and one with rejected payroll rows (its notice)
        Fixtures.replace(bundle, "employers.csv", "401-81-00006,역전상사,", "401-81-00006," + quoted + ",");
        Fixtures.replace(bundle, "employers.csv", "101-81-00001,00주식회사,", "101-81-00001," + quoted + ",");
        Fixtures.replace(bundle, "employers.csv", "401-81-00009,부분상사,", "401-81-00009," + quoted + ",");
        Path out = dir.resolve("out");
        InProcess.cycle(2025, bundle, out, RuleVersion.DEFAULT);
        Path reports = out.resolve("reports/2025");
        for (String report : List.of("pay_gap", "pay_indicators", "pay_context")) {
            try (CsvTable table = CsvTable.open(Storage.local(reports), report + ".csv", List.of("employer_id",
                    "employer_name"))) {
                for (CsvTable.Row row : table) {
                    if (row.get("employer_id").equals("401-81-00006")) {
                        assertEquals(NAME, row.get("employer_name"), report);
                    }
                }
            }
        }
        for (String page : List.of("pay/401-81-00006.html", "pay/index.html", "letters/101-81-00001-G04.html",
                "letters/all.html", "index.html")) {
            assertTrue(Files.readString(reports.resolve(page)).contains(Html.escape(NAME)), page);
        }
        try (Stream<Path> pages = Files.walk(reports)) {
            for (Path page : pages.filter(f -> f.toString().endsWith(".html")).toList()) {
                assertFalse(Files.readString(page).contains("<script>"), page.toString());
            }
        }
        if (Pdf.font(System.getenv()).isPresent()) {
            try (PDDocument letters = Loader.loadPDF(reports.resolve("letters/all.pdf").toFile())) {
                assertTrue(new PDFTextStripper().getText(letters).contains("<script>alert(\"x\")</script>"));
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.allMatch(f -> f.normalize().startsWith(out)));
        }
        assertFalse(Files.exists(out.resolve("etc")));
    }
}

package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each kind of page a reader gets, rendered by headless Chromium from Debian's packages: laid out at the width of
 * A4 paper nothing reaches past it, and printed on A4 every page holds text, the CSV's figures are there as a
 * Korean reader expects them, and a withheld figure is nowhere. The pages are those of the {@code pay-cases} bundle's cycle, the fine pre-notices
 * those of {@code workforce} (the bundle with non-submitters), and the press list is made from the golden
 * {@code press_list.csv} of {@code compliance-cases}. Without Chromium the test is skipped with the reason;
 * {@code .ci/run} installs it with {@code fonts-noto-cjk}.
 */
class DocumentsInBrowserIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path printed;

    private static Path reports;
    private static Path nonSubmitters;
    private static Path press;

    @BeforeAll
    static void pages() throws IOException {
        reports = InProcess.fixture("pay-cases").reports();
        nonSubmitters = InProcess.fixture("workforce").reports();
        press = printed.resolve("press");
        Files.createDirectories(press);
        Files.copy(Fixtures.resource("bundles/compliance-cases/expected/press_list.csv"), press.resolve("press_list.csv"));
        PressListPage.write(press, 2025, new BigDecimal("0.6"));
    }

    private static Path reportsOf(String kind) {
        return switch (kind) {
            case "prenotices" -> nonSubmitters;
            case "press_list.html" -> press;
            default -> reports;
        };
    }

    /** Runs headless Chromium on {@code url} with the options given; returns what it printed. */
    private static String chromium(String url, String... options) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": install Debian's chromium and"
                + " fonts-noto-cjk (.ci/run does) to check the pages in a browser");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + printed.resolve("profile")));
        command.addAll(List.of(options));
        command.add(url);
        Path log = printed.resolve("chromium.log");
        Process chromium = new ProcessBuilder(command).redirectError(printed.resolve("chromium.err").toFile())
                .redirectOutput(log.toFile()).start();
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "Chromium did not finish " + url + " within 60 s");
        assertEquals(0, chromium.exitValue(), "Chromium failed on " + url);
        return Files.readString(log);
    }

    /**
     * The elements of the page that reach past the width of A4 paper within its margins (673 CSS pixels), as laid out
     * by Chromium in a frame of that width: a frame page of this test measures them and writes them into its own
     * page, which Chromium prints.
     */
    private static String overflowing(Path reports, String page) throws IOException, InterruptedException {
        Path frame = printed.resolve(page.replace('/', '_') + ".frame.html");
        Files.writeString(frame, """
                <!DOCTYPE html><html><body><iframe id="f" src="%s" style="width:673px;height:900px;border:0"></iframe>
                <script>
                document.getElementById('f').onload = function () {
                  var d = this.contentDocument, width = d.documentElement.clientWidth, over = [];
                  d.querySelectorAll('body *').forEach(function (e) {
                    var r = e.getBoundingClientRect();
                    if (r.width > 0 && r.right > width + 1) { over.push(e.tagName + ' ' + e.textContent.trim().slice(0, 40)); }
                  });
                  var p = document.createElement('pre');
                  p.textContent = 'OVER' + 'FLOW[' + over.join(' | ') + ']';
                  document.body.appendChild(p);
                };
                </script></body></html>
                """.formatted(reports.resolve(page).toUri()));
        String dom = chromium(frame.toUri().toString(), "--allow-file-access-from-files", "--virtual-time-budget=10000",
                "--dump-dom");
        int from = dom.indexOf("OVERFLOW[");
        assertTrue(from >= 0, "Chromium did not measure " + page);
        return dom.substring(from + "OVERFLOW[".length(), dom.indexOf("]</pre>", from));
    }

    /** The page printed by Chromium to PDF, as the text of each of its pages. */
    private static List<String> print(Path reports, String page) throws IOException, InterruptedException {
        Path pdf = printed.resolve(page.replace('/', '_') + ".pdf");
        chromium(reports.resolve(page).toUri().toString(), "--no-pdf-header-footer", "--print-to-pdf=" + pdf);
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document).replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    private static String firstFile(Path reports, String folder) throws IOException {
        try (Stream<Path> files = Files.list(reports.resolve(folder))) {
            return folder + "/" + files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".html") && !f.equals("all.html")).sorted().findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "letters", "notices", "prenotices", "annual_report.html", "pay",
            "press_list.html"})
    void eachKindOfPageShowsItsCsvsFiguresOnPaperAndNoWithheldOne(String kind) throws Exception {
        Path dir = reportsOf(kind);
        String page = kind.endsWith(".html") ? kind : kind.equals("pay") ? "pay/index.html" : firstFile(dir, kind);
        assertEquals("", overflowing(dir, page), page + ": cut off at the paper's width");
        List<String> pages = print(dir, page);
        assertFalse(pages.isEmpty(), page + " printed no page");
        pages.forEach(text -> assertFalse(text.isBlank(), page + " has a blank page"));
        String text = String.join(" ", pages);
        List<String> expected = new ArrayList<>();
        switch (kind) {
            case "letters" -> Html.read(dir, "notifications.csv").stream()
                    .filter(n -> page.endsWith(n.get("employer_id") + "-" + n.get("industry_group") + ".html"))
                    .forEach(n -> expected.addAll(List.of(Korean.people(n.get("workers")),
                            Korean.percentOfFraction(n.get("female_ratio")),
                            Korean.percentOfFraction(n.get("standard_female_ratio")), Korean.date(n.get("plan_due")))));
            case "prenotices" -> Html.read(dir, "non_submitters.csv").stream()
                    .filter(n -> page.endsWith(n.get("employer_id") + "-" + n.get("reason") + ".html"))
                    .forEach(n -> expected.addAll(List.of(n.get("employer_id"), Korean.won(n.get("max_fine_krw")))));
            case "notices" -> expected.add("다시 제출하는 방법");
            case "annual_report.html" -> Html.read(dir, "national_statistics.csv").stream()
                    .filter(r -> r.get("breakdown").equals("ALL"))
                    .forEach(r -> expected.addAll(List.of(Korean.percentOfFraction(r.get("female_ratio_mean")),
                            Korean.percentOfFraction(r.get("female_ratio_pooled")))));
            case "pay" -> Html.read(dir, "pay_indicators.csv").forEach(r -> expected.add(r.get("employer_name")));
            case "press_list.html" -> Html.read(dir, "press_list.csv").forEach(r -> expected.add(r.get("employer_name")));
            default -> expected.add("적극적 고용개선조치 문서");
        }
        assertFalse(expected.isEmpty(), kind + ": the fixture has nothing to check");
        for (String figure : expected) {
            assertTrue(text.contains(figure), page + " does not show " + figure);
        }
        // the pay of 소수상사, whose 4 women withhold its figures, appears on no page
        for (String withheld : List.of("44,500,000", "31,500,000", "44500000", "31500000")) {
            assertFalse(text.contains(withheld), page + " shows the withheld " + withheld);
        }
    }
}

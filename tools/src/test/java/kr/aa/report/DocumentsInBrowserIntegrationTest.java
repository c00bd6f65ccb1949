package kr.aa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kr.aa.io.Storage;
import kr.aa.testing.Fixtures;
import kr.aa.testing.InProcess;
import kr.aa.tools.Chromium;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each kind of page a reader gets, rendered by headless Chromium from Debian's packages in a frame the width of A4
 * paper within its margins (673 CSS pixels): nothing reaches past that width, the page shows text, the CSV's figures
 * are in what it shows as a Korean reader expects them, and a withheld figure is nowhere. The pages are those of the
 * {@code pay-cases} bundle's cycle, the fine pre-notices those of {@code workforce} (the bundle with non-submitters),
 * and the press list is made from the golden {@code press_list.csv} of {@code compliance-cases}. One Chromium run
 * lays out every page: a frame page of this test measures each and writes what it found into its own page, which
 * Chromium prints. Without Chromium the test is skipped with the reason; {@code .ci/run} installs it with
 * {@code fonts-noto-cjk}.
 */
class DocumentsInBrowserIntegrationTest {

    private static final List<String> KINDS = List.of("index.html", "letters", "notices", "prenotices",
            "annual_report.html", "pay", "press_list.html");

    @TempDir
    static Path work;

    private static final Map<String, Path> FOLDERS = new HashMap<>();
    private static final Map<String, String> PAGES = new HashMap<>();
    /** By kind: what reaches past the paper's width, then the text the page shows, as the frame page wrote them. */
    private static Map<String, List<String>> rendered;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        Path press = Files.createDirectories(work.resolve("press"));
        Files.copy(Fixtures.resource("bundles/compliance-cases/expected/press_list.csv"), press.resolve("press_list.csv"));
        PressListPage.write(Storage.local(press), 2025, new BigDecimal("0.6"));
        for (String kind : KINDS) {
            Path folder = switch (kind) {
                case "prenotices" -> InProcess.fixture("workforce").reports();
                case "press_list.html" -> press;
                default -> InProcess.fixture("pay-cases").reports();
            };
            FOLDERS.put(kind, folder);
            PAGES.put(kind, kind.endsWith(".html") ? kind : kind.equals("pay") ? "pay/index.html" : firstFile(folder, kind));
        }
        assumeTrue(Files.isExecutable(Chromium.PATH), "no Chromium at " + Chromium.PATH + ": install Debian's chromium and"
                + " fonts-noto-cjk (.ci/run does) to check the pages in a browser");
        StringBuilder frames = new StringBuilder();
        for (String kind : KINDS) {
            frames.append("<iframe id=\"").append(kind).append("\" src=\"")
                    .append(FOLDERS.get(kind).resolve(PAGES.get(kind)).toUri())
                    .append("\" style=\"width:673px;height:900px;border:0\"></iframe>\n");
        }
        Path frame = work.resolve("frames.html");
        Files.writeString(frame, """
                <!DOCTYPE html><html><body>
                %s<script>
                window.onload = function () {
                  var found = {};
                  document.querySelectorAll('iframe').forEach(function (f) {
                    var d = f.contentDocument, width = d.documentElement.clientWidth, over = [];
                    d.querySelectorAll('body *').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.width > 0 && r.right > width + 1) { over.push(e.tagName + ' ' + e.textContent.trim().slice(0, 40)); }
                    });
                    found[f.id] = [over.join(' | '), d.body.innerText];
                  });
                  var p = document.createElement('pre');
                  p.id = 'found';
                  p.textContent = JSON.stringify(found);
                  document.body.appendChild(p);
                };
                </script></body></html>
                """.formatted(frames));
        Path dom = work.resolve("dom.html");
        Process chromium = Chromium.headless(work.resolve("profile"), "--allow-file-access-from-files",
                "--virtual-time-budget=20000", "--dump-dom", frame.toUri().toString())
                .redirectError(work.resolve("chromium.err").toFile()).redirectOutput(dom.toFile()).start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "Chromium did not lay the pages out within 120 s");
        assertEquals(0, chromium.exitValue(), "Chromium failed: " + Files.readString(work.resolve("chromium.err")));
        String printed = Files.readString(dom);
        int from = printed.indexOf("<pre id=\"found\">");
        assertTrue(from >= 0, "Chromium did not measure the pages: " + printed);
        String json = printed.substring(printed.indexOf('>', from) + 1, printed.indexOf("</pre>", from));
        rendered = new ObjectMapper().readValue(Parser.unescapeEntities(json, false),
                new TypeReference<Map<String, List<String>>>() {
                });
    }

    private static String firstFile(Path reports, String folder) throws IOException {
        try (Stream<Path> files = Files.list(reports.resolve(folder))) {
            return folder + "/" + files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".html") && !f.equals("all.html")).sorted().findFirst().orElseThrow();
        }
    }

    @ParameterizedTest
    @FieldSource("KINDS")
    void eachKindOfPageShowsItsCsvsFiguresWithinThePapersWidthAndNoWithheldOne(String kind) {
        Path dir = FOLDERS.get(kind);
        String page = PAGES.get(kind);
        assertEquals("", rendered.get(kind).get(0), page + ": cut off at the paper's width");
        String text = rendered.get(kind).get(1).replaceAll("\\s+", " ");
        assertFalse(text.isBlank(), page + " shows nothing");
        List<String> expected = new ArrayList<>();
        switch (kind) {
            case "letters" -> Html.read(Storage.local(dir), "notifications.csv").stream()
                    .filter(n -> page.endsWith(n.get("employer_id") + "-" + n.get("industry_group") + ".html"))
                    .forEach(n -> expected.addAll(List.of(Korean.people(n.get("workers")),
                            Korean.percentOfFraction(n.get("female_ratio")),
                            Korean.percentOfFraction(n.get("standard_female_ratio")), Korean.date(n.get("plan_due")))));
            case "prenotices" -> Html.read(Storage.local(dir), "non_submitters.csv").stream()
                    .filter(n -> page.endsWith(n.get("employer_id") + "-" + n.get("reason") + ".html"))
                    .forEach(n -> expected.addAll(List.of(n.get("employer_id"), Korean.won(n.get("max_fine_krw")))));
            case "notices" -> {
                expected.add("다시 제출하는 방법");
                Html.read(Storage.local(dir),
                        "payroll_rejections.csv").stream().filter(r -> page.endsWith(r.get("employer_id") + ".html"))
                        .forEach(r -> expected.addAll(List.of(r.get("employer_name"), r.get("employee_key"))));
            }
            case "annual_report.html" -> Html.read(Storage.local(dir), "national_statistics.csv").stream()
                    .filter(r -> r.get("breakdown").equals("ALL"))
                    .forEach(r -> expected.addAll(List.of(Korean.percentOfFraction(r.get("female_ratio_mean")),
                            Korean.percentOfFraction(r.get("female_ratio_pooled")))));
            case "pay" -> Html.read(Storage.local(dir),
                    "pay_indicators.csv").forEach(r -> expected.add(r.get("employer_name")));
            case "press_list.html" -> Html.read(Storage.local(dir),
                    "press_list.csv").forEach(r -> expected.add(r.get("employer_name")));
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

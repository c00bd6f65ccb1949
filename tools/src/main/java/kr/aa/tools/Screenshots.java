package kr.aa.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Pictures of each kind of document of a published year, taken by headless Chromium from Debian's packages: the
 * README's screenshots are made by this, from the demo's output, never by hand.
 */
final class Screenshots {

    private static final String WINDOW = "--window-size=900,1200";

    private Screenshots() {
    }

    /** Each kind of page of the year, by the name its picture takes: the first file of a kind's folder. */
    static Map<String, Path> pages(Path yearReports) {
        Map<String, Path> pages = new LinkedHashMap<>();
        pages.put("index", yearReports.resolve("index.html"));
        pages.put("letter", first(yearReports.resolve("letters")));
        pages.put("notice", first(yearReports.resolve("notices")));
        pages.put("prenotice", first(yearReports.resolve("prenotices")));
        pages.put("annual_report", yearReports.resolve("annual_report.html"));
        pages.put("pay_disclosure", first(yearReports.resolve("pay")));
        pages.put("press_list", yearReports.resolve("press_list.html"));
        return pages;
    }

    private static Path first(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> documents = files.filter(f -> f.getFileName().toString().endsWith(".html"))
                    .filter(f -> !List.of("all.html", "index.html").contains(f.getFileName().toString()))
                    .sorted().toList();
            return documents.isEmpty() ? folder.resolve("all.html") : documents.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code <to>/<kind>.png} for each kind of page; returns 1 without Chromium, 0 when all are taken. */
    static int take(Path yearReports, Path to, PrintStream out) throws IOException, InterruptedException {
        if (!Files.isExecutable(Chromium.PATH)) {
            out.println("screenshots: no Chromium at " + Chromium.PATH + "; install Debian's chromium and fonts-noto-cjk");
            return 1;
        }
        Files.createDirectories(to);
        Path profile = Files.createTempDirectory("aa-chromium");
        for (Map.Entry<String, Path> page : pages(yearReports).entrySet()) {
            Path png = to.resolve(page.getKey() + ".png").toAbsolutePath();
            Process chromium = Chromium.headless(profile, "--hide-scrollbars", WINDOW, "--screenshot=" + png,
                    page.getValue().toUri().toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!chromium.waitFor(60, TimeUnit.SECONDS) || chromium.exitValue() != 0 || !Files.exists(png)) {
                chromium.destroyForcibly();
                out.println("screenshots: Chromium could not take " + page.getValue());
                return 1;
            }
            out.println(page.getKey() + ": " + png);
        }
        return 0;
    }
}

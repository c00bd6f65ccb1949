package kr.aa.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.aa.csv.CsvTable;

/**
 * What the human-readable reports share: templates from {@code reports/} with {@code {{name}}} slots, HTML
 * escaping, and the report CSVs they are made from, so that a page shows the CSV's own figures.
 */
public final class Html {

    private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

    private Html() {
    }

    /** The template {@code reports/<name>} from the class path. */
    public static String template(String name) {
        try (InputStream in = Html.class.getClassLoader().getResourceAsStream("reports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no template reports/" + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template with each {@code {{name}}} replaced by its value (already HTML), in one pass over the template:
     * a value is never read for slots, so a name that holds {@code {{title}}} stays as written. A slot without a
     * value is an error in the template.
     */
    public static String fill(String template, Map<String, String> values) {
        return SLOT.matcher(template).replaceAll(slot -> {
            String value = values.get(slot.group(1));
            if (value == null) {
                throw new IllegalStateException("the template has a slot {{" + slot.group(1) + "}} with no value");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** The rows of a report CSV. */
    public static List<CsvTable.Row> read(Path dir, String file) {
        try (CsvTable table = CsvTable.open(dir, file, List.of("reporting_year"))) {
            List<CsvTable.Row> rows = new ArrayList<>();
            table.forEach(rows::add);
            return rows;
        }
    }

    public static void save(Path file, String html) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

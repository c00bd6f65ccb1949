package kr.aa.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.aa.io.CsvTable;
import kr.aa.io.Storage;
import org.apache.hadoop.fs.Path;

/**
 * What the human-readable reports share: Mustache templates from {@code reports/}, which hold all the markup
 * and escape every value they print ({@code {{name}}}; a value is text, never read for tags), and the report
 * CSVs the pages are made from, so that a page shows the CSV's own figures.
 */
public final class Html {

    /**
     * Templates from {@code reports/} on the class path, escaping with {@link #escape}; a name the template reads
     * and the page does not give is an error of the template, not an empty text.
     */
    private static final MustacheFactory TEMPLATES = templates();

    private static MustacheFactory templates() {
        DefaultMustacheFactory factory = new DefaultMustacheFactory("reports") {
            @Override
            public void encode(String value, Writer writer) {
                try {
                    writer.write(escape(value));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        factory.setObjectHandler(new ReflectionObjectHandler() {
            @Override
            public Wrapper find(String name, List<Object> scopes) {
                Wrapper found = super.find(name, scopes);
                if (found instanceof MissingWrapper) {
                    throw new IllegalStateException("the template reads {{" + name + "}}, which the page does not give");
                }
                return found;
            }
        });
        return factory;
    }

    private Html() {
    }

    /**
     * The template {@code reports/<name>} filled from {@code scope}: maps, records and lists, whose names the
     * template reads ({@code {{#list}}…{{/list}}} for each element, {@code {{#flag}}} and {@code {{^flag}}}
     * for a condition).
     */
    public static String render(String name, Object scope) {
        StringWriter html = new StringWriter();
        TEMPLATES.compile(name).execute(html, scope);
        return html.toString();
    }

    /** Text as HTML: {@code & < > " '} as entities, anything else as it is. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** A row of a report CSV as a template's scope: each column's text under its name. */
    public static Map<String, Object> fields(CsvTable.Row row) {
        Map<String, Object> fields = new HashMap<>();
        row.columns().keySet().forEach(column -> fields.put(column, row.get(column)));
        return fields;
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
        Storage.writeString(file, html);
    }
}

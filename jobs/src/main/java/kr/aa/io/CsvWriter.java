package kr.aa.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Writes RFC 4180 CSV in UTF-8 with LF line ends: a field is quoted only when it holds a comma, a quote
 * or a line break. A null field is written empty.
 */
public final class CsvWriter implements AutoCloseable {

    private final Writer out;

    public CsvWriter(Path file, List<String> header) {
        this.out = new BufferedWriter(new OutputStreamWriter(Storage.create(file), StandardCharsets.UTF_8), 1 << 16);
        row(header);
    }

    /** A local file: a bundle written by the tools, say. */
    public CsvWriter(java.nio.file.Path file, List<String> header) {
        this(Storage.local(file), header);
    }

    public void row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object field = fields.get(i);
                out.write(field == null ? "" : quoted(field.toString()));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... fields) {
        row(Arrays.asList(fields));
    }

    static String quoted(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + field.replace("\"", "\"\"") + '"';
            }
        }
        return field;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

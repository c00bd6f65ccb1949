package kr.aa.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;

/**
 * Reads one CSV file of a bundle strictly: UTF-8 (a malformed byte stops the run), an optional byte-order
 * mark, LF or CRLF line ends, RFC 4180 quoting (fields may span lines), a header row naming every
 * required column (order free, extra columns ignored), and the same number of fields on every record.
 * Each record keeps the line where it starts, the header being line 1, so that a rejection can point at it.
 */
public final class CsvTable implements RecordTable {

    /** A record of a table: where it was read (file and line) and its fields by column name. */
    public record Row(String file, long line, Map<String, Integer> columns, List<String> fields) {

        public String get(String column) {
            return fields.get(columns.get(column));
        }
    }

    private final Path path;
    private final String file;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private final Map<String, Integer> columns = new HashMap<>();
    private int headerWidth;
    private long line = 1;
    private boolean atStart = true;

    private CsvTable(Path path, String file, Reader in) {
        this.path = path;
        this.file = file;
        this.in = in;
    }

    /** Opens {@code dir/file} and checks its header against the required columns. */
    public static CsvTable open(Path dir, String file, List<String> requiredColumns) {
        Path path = new Path(dir, file);
        if (!Storage.exists(path)) {
            throw new BundleException(file + ": the file is missing from the bundle " + dir);
        }
        Reader reader;
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            reader = new InputStreamReader(Storage.open(path), decoder);
        } catch (UncheckedIOException e) {
            throw new BundleException(file + ": cannot be read (" + e.getCause().getMessage() + ")", e);
        }
        CsvTable table = new CsvTable(path, file, reader);
        table.readHeader(requiredColumns);
        return table;
    }

    public String file() {
        return file;
    }

    private void readHeader(List<String> requiredColumns) {
        List<String> header = nextRecord();
        if (header == null || header.size() == 1 && header.get(0).isBlank()) {
            throw new BundleException(file + ": the file is empty; it needs a header row naming "
                    + String.join(", ", requiredColumns));
        }
        for (int i = 0; i < header.size(); i++) {
            if (columns.put(header.get(i), i) != null) {
                throw new BundleException(file + ": column '" + header.get(i) + "' appears twice in the header");
            }
        }
        List<String> missing = requiredColumns.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new BundleException(file + ": the header lacks column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (found: " + String.join(", ", header) + ")");
        }
        headerWidth = header.size();
    }

    /** The records after the header, read as the iteration goes; it can be iterated once. */
    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            private Row next = readRow();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row row = next;
                next = readRow();
                return row;
            }
        };
    }

    /** The next record, or null at the end of the file. Blank lines are passed over. */
    private Row readRow() {
        while (true) {
            long start = line;
            List<String> fields = nextRecord();
            if (fields == null) {
                return null;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (fields.size() != headerWidth) {
                throw new BundleException(file + " line " + start + ": " + fields.size()
                        + " fields where the header has " + headerWidth
                        + "; quote any field that holds a comma");
            }
            return new Row(file, start, columns, fields);
        }
    }

    private List<String> nextRecord() {
        try {
            return parseRecord();
        } catch (CharacterCodingException e) {
            throw new BundleException(file + " line " + lineOfFirstMalformedByte() + ": the bytes are not valid UTF-8;"
                    + " save the file as UTF-8", e);
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The reader decodes ahead of the parser, so the line of a bad byte is found again from the bytes. */
    private long lineOfFirstMalformedByte() {
        byte[] bytes;
        try (var bytesIn = Storage.open(path)) {
            bytes = bytesIn.readAllBytes();
        } catch (IOException | UncheckedIOException e) {
            throw new BundleException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        long lines = 1;
        for (int i = 0; i < in.position(); i++) {
            lines += bytes[i] == '\n' ? 1 : 0;
        }
        return lines;
    }

    /** The next character, or -1 at the end of the file. */
    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    private List<String> parseRecord() throws IOException {
        int c = read();
        if (atStart) {
            atStart = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        long recordStart = line;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new BundleException(file + " line " + recordStart
                            + ": a quoted field is never closed");
                }
                if (c == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                if (c != ',') {
                    if (c == '\r') {
                        int next = read();
                        if (next != '\n' && next != -1) {
                            position--;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    return fields;
                }
            } else if (c == '"' && afterQuote) {
                field.append('"');
                quoted = true;
                afterQuote = false;
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (afterQuote) {
                throw new BundleException(file + " line " + line
                        + ": text after a closing quote; write a quote inside a quoted field as \"\"");
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new BundleException(file + ": cannot be closed (" + e.getMessage() + ")", e);
        }
    }
}

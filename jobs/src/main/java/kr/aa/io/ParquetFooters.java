package kr.aa.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Lists the encodings of every column chunk in a Parquet file's footer in one fixed order, by their codes.
 * parquet-hadoop, Spark's writer included, lists them from a hash set, whose order follows the identity hash codes
 * the JVM happened to give the encoding constants: the same rows came out with other footer bytes under another
 * build, JVM option or thread schedule. Sorted, the same rows give the same file in every process. The footer is
 * rewritten in place: in Thrift's compact encoding a list in another order keeps its length.
 */
public final class ParquetFooters {

    private static final int TAIL = 8;  // the footer's length, then "PAR1"

    private ParquetFooters() {
    }

    /** Sorts the encodings of every column chunk of {@code file}'s footer, in place. */
    public static void sortEncodings(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer tail = size < 2 * TAIL ? null : read(channel, size - TAIL, TAIL).order(ByteOrder.LITTLE_ENDIAN);
            if (tail == null || !"PAR1".equals(new String(tail.array(), 4, 4, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException(file + " is not a Parquet file");
            }
            int length = tail.getInt(0);
            long footerAt = size - TAIL - length;
            FileMetaData metadata = Util.readFileMetaData(
                    new ByteArrayInputStream(read(channel, footerAt, length).array()));
            boolean sorted = true;
            for (RowGroup group : metadata.getRow_groups()) {
                for (ColumnChunk chunk : group.getColumns()) {
                    List<Encoding> encodings = chunk.getMeta_data().getEncodings();
                    List<Encoding> ordered = new ArrayList<>(encodings);
                    ordered.sort(Comparator.comparingInt(Encoding::getValue));
                    if (!ordered.equals(encodings)) {
                        chunk.getMeta_data().setEncodings(ordered);
                        sorted = false;
                    }
                }
            }
            if (sorted) {
                return;
            }
            ByteArrayOutputStream footer = new ByteArrayOutputStream(length);
            Util.writeFileMetaData(metadata, footer);
            if (footer.size() != length) {
                throw new IllegalStateException(file + ": the footer with its encodings sorted takes " + footer.size()
                        + " bytes, not " + length);
            }
            ByteBuffer bytes = ByteBuffer.wrap(footer.toByteArray());
            while (bytes.hasRemaining()) {
                channel.write(bytes, footerAt + bytes.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the footer of " + file, e);
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes, at + bytes.position()) < 0) {
                throw new IOException("the file ends before its footer");
            }
        }
        return bytes;
    }
}

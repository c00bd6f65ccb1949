package kr.aa.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Lists the encodings of every column chunk in a Parquet file's footer in one fixed order, by their codes.
 * parquet-hadoop, Spark's writer included, lists them from a hash set, whose order follows the identity hash codes
 * the JVM happened to give the encoding constants: the same rows came out with other footer bytes under another
 * build, JVM option or thread schedule. Sorted, the same rows give the same file in every process. In Thrift's
 * compact encoding a list in another order keeps its length, so a local file's footer is rewritten in place; on a
 * file system whose files cannot be written again (HDFS, an object store) the file is copied with the new footer and
 * renamed over the old one.
 */
public final class ParquetFooters {

    private static final int TAIL = 8;  // the footer's length, then "PAR1"

    private ParquetFooters() {
    }

    /** Sorts the encodings of every column chunk of {@code file}'s footer. */
    public static void sortEncodings(Path file) {
        try {
            long size = Storage.fs(file).getFileStatus(file).getLen();
            long footerAt;
            byte[] footer;
            try (FSDataInputStream in = Storage.fs(file).open(file)) {
                ByteBuffer tail = size < 2 * TAIL ? null : ByteBuffer.wrap(read(in, size - TAIL, TAIL))
                        .order(ByteOrder.LITTLE_ENDIAN);
                if (tail == null || !"PAR1".equals(new String(tail.array(), 4, 4, StandardCharsets.US_ASCII))) {
                    throw new IllegalStateException(file + " is not a Parquet file");
                }
                int length = tail.getInt(0);
                footerAt = size - TAIL - length;
                footer = read(in, footerAt, length);
            }
            byte[] sorted = sorted(footer);
            if (sorted == null) {
                return;
            }
            if (sorted.length != footer.length) {
                throw new IllegalStateException(file + ": the footer with its encodings sorted takes " + sorted.length
                        + " bytes, not " + footer.length);
            }
            if (Storage.isLocal(file)) {
                rewriteInPlace(Storage.toLocal(file), footerAt, sorted);
            } else {
                rewriteCopy(file, footerAt, sorted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the footer of " + file, e);
        }
    }

    /** The footer with the encodings of every column chunk sorted; null when they already are. */
    private static byte[] sorted(byte[] footer) throws IOException {
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer));
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
            return null;
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream(footer.length);
        Util.writeFileMetaData(metadata, written);
        return written.toByteArray();
    }

    private static void rewriteInPlace(java.nio.file.Path file, long footerAt, byte[] footer) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(footer);
            while (bytes.hasRemaining()) {
                channel.write(bytes, footerAt + bytes.position());
            }
        }
    }

    private static void rewriteCopy(Path file, long footerAt, byte[] footer) throws IOException {
        Path copy = Storage.child(file.getParent(), "." + file.getName() + ".sorted");
        try (InputStream in = Storage.open(file); OutputStream out = Storage.create(copy)) {
            byte[] buffer = new byte[1 << 16];
            for (long left = footerAt; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException(file + " ends before its footer");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            out.write(footer);
            in.skipNBytes(footer.length);
            out.write(in.readAllBytes());
        }
        // in place of the file at once, where the file system renames so (HDFS)
        FileContext.getFileContext(file.toUri(), Storage.configuration()).rename(copy, file, Options.Rename.OVERWRITE);
    }

    private static byte[] read(FSDataInputStream in, long at, int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(at, bytes);
        return bytes;
    }
}

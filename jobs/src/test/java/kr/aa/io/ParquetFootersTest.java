package kr.aa.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFootersTest {

    @TempDir
    Path dir;

    private Path employers(String name) {
        Path file = dir.resolve(name).resolve(ParquetDatasetWriter.PART);
        try (var out = new ParquetDatasetWriter(DatasetSchema.load("staging", "employers"), Storage.local(file))) {
            for (int i = 0; i < 3; i++) {
                out.write(Arrays.asList("401-81-0000" + i, "employer " + i, null, null, "PRIVATE", i == 1, true));
            }
        }
        return file;
    }

    /** The footer's metadata and where it starts. */
    private static FileMetaData footer(byte[] file) throws IOException {
        int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
    }

    /** The file with every column chunk's encodings in reverse order, as a writer's hash set may list them. */
    private static byte[] reversed(byte[] file) throws IOException {
        FileMetaData metadata = footer(file);
        for (ColumnChunk chunk : metadata.getRow_groups().get(0).getColumns()) {
            List<org.apache.parquet.format.Encoding> encodings = new ArrayList<>(chunk.getMeta_data().getEncodings());
            Collections.reverse(encodings);
            chunk.getMeta_data().setEncodings(encodings);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, bytes);
        byte[] twin = file.clone();
        System.arraycopy(bytes.toByteArray(), 0, twin, file.length - 8 - bytes.size(), bytes.size());
        return twin;
    }

    @Test
    void theSameRowsGiveTheSameBytesWhateverOrderTheWriterListedTheEncodingsIn() throws IOException {
        Path written = employers("written");
        byte[] bytes = Files.readAllBytes(written);
        Path scrambled = dir.resolve("scrambled.parquet");
        Files.write(scrambled, reversed(bytes));
        assertFalse(Arrays.equals(bytes, Files.readAllBytes(scrambled)), "a column chunk has two encodings or more");

        ParquetFooters.sortEncodings(Storage.local(scrambled));

        assertArrayEquals(bytes, Files.readAllBytes(scrambled));
        for (ColumnChunk chunk : footer(bytes).getRow_groups().get(0).getColumns()) {
            List<Integer> codes = chunk.getMeta_data().getEncodings().stream().map(e -> e.getValue()).toList();
            assertEquals(codes.stream().sorted().toList(), codes, chunk.getMeta_data().getPath_in_schema().toString());
        }
        assertEquals(3, ParquetDatasetReader.rows(Storage.local(written.getParent())));
    }

    @Test
    void aFileThatIsNotParquetIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("employers.csv"), "employer_id\n");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> ParquetFooters.sortEncodings(Storage.local(text)));
        assertEquals(text + " is not a Parquet file", error.getMessage());
    }
}

package kr.aa.cycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import kr.aa.BundleException;
import kr.aa.rules.RuleVersion;

/**
 * The run id: the first 16 hex digits of a SHA-256 over the reporting year, the rule version, its
 * classification file and every CSV file of the bundle. Rerunning a year on the same inputs gives the same
 * id, and so byte-identical output; any change to the inputs gives a new one.
 */
final class RunDigest {

    private static final int HEX_DIGITS = 16;

    private RunDigest() {
    }

    static String of(int reportingYear, RuleVersion rules, Path bundleDir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Integer.toString(reportingYear).getBytes(StandardCharsets.UTF_8));
            sha.update(new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsBytes(rules));
            try (InputStream in = RunDigest.class.getClassLoader()
                    .getResourceAsStream("config/classification/" + rules.classification() + ".csv")) {
                if (in == null) {
                    throw new IllegalArgumentException(rules.id() + ": no classification " + rules.classification());
                }
                sha.update(in.readAllBytes());
            }
            for (Path file : csvFiles(bundleDir)) {
                sha.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(file)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> csvFiles(Path bundleDir) throws IOException {
        if (!Files.isDirectory(bundleDir)) {
            throw new BundleException(bundleDir + ": the bundle folder does not exist");
        }
        try (Stream<Path> files = Files.list(bundleDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }
}

package kr.aa.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import kr.aa.comply.ComplianceRecords;
import kr.aa.ingest.Bundle;
import kr.aa.io.BundleException;
import kr.aa.io.CsvTable;
import kr.aa.io.RecordTable;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import org.apache.hadoop.fs.Path;

/**
 * The run id: the first 16 hex digits of a SHA-256 over the reporting year, the rule version, its
 * classification file, the bundle (the bytes of every CSV file of a folder, or every record of a database's
 * tables) and what the year reads of the compliance ledger. Rerunning a year on the same inputs gives the
 * same id, and so byte-identical output; any change to the inputs, a decision recorded since among them,
 * gives a new one.
 */
final class RunDigest {

    private static final int HEX_DIGITS = 16;
    private static final List<String> TABLES = List.of(Bundle.EMPLOYERS, Bundle.WORKPLACES, Bundle.MONTHLY_WORKFORCE,
            Bundle.HEADCOUNT_HEADERS, Bundle.HEADCOUNTS, Bundle.PAYROLL, ComplianceRecords.PLANS,
            ComplianceRecords.PERFORMANCE, ComplianceRecords.ACTIONS);

    private RunDigest() {
    }

    static String of(RuleVersion rules, Bundle bundle, String ledgerState) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Integer.toString(bundle.reportingYear()).getBytes(StandardCharsets.UTF_8));
            sha.update(new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsBytes(rules));
            try (InputStream in = RunDigest.class.getClassLoader()
                    .getResourceAsStream("config/classification/" + rules.classification() + ".csv")) {
                if (in == null) {
                    throw new IllegalArgumentException(rules.id() + ": no classification " + rules.classification());
                }
                sha.update(in.readAllBytes());
            }
            if (bundle.inDatabase()) {
                digestTables(bundle, sha);
            } else {
                digestFiles(bundle.dir(), sha);
            }
            sha.update(ledgerState.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void digestFiles(Path dir, MessageDigest sha) throws IOException {
        if (!Storage.isDirectory(dir)) {
            throw new BundleException(dir + ": the bundle folder does not exist");
        }
        for (Path file : Storage.list(dir).stream().filter(f -> f.getName().endsWith(".csv")).toList()) {
            sha.update(file.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Storage.open(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    sha.update(buffer, 0, n);
                }
            }
        }
    }

    private static void digestTables(Bundle bundle, MessageDigest sha) {
        for (String table : TABLES) {
            if (!bundle.has(table)) {
                continue;
            }
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            try (RecordTable records = bundle.open(table)) {
                for (CsvTable.Row record : records) {
                    sha.update(String.join("\u001f", record.fields()).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
            }
        }
    }
}

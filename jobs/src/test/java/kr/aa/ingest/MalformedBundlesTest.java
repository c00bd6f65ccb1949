package kr.aa.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kr.aa.io.BundleException;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The corpus of malformed bundles, {@code bundles/malformed/<case>/}: each case is the manual's example with
 * some files replaced (or deleted: {@code <file>.deleted}), and {@code expected.txt} its outcome: the one
 * message the run stops with, or how every table ended, each rejection with its rule and record, and the
 * balance accepted + rejected + superseded = submitted.
 */
class MalformedBundlesTest {

    @TempDir
    Path dir;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> cases = Files.list(Fixtures.resource("bundles/malformed"))) {
            return cases.map(c -> c.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyMalformedBundleHasItsNamedOutcome(String name) throws IOException {
        Path bundle = Fixtures.bundle("manual-example", dir.resolve("bundle"));
        Path overlay = Fixtures.resource("bundles/malformed/" + name);
        try (Stream<Path> files = Files.list(overlay)) {
            for (Path file : files.toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".deleted")) {
                    Files.delete(bundle.resolve(fileName.replace(".deleted", "")));
                } else if (fileName.endsWith(".csv")) {
                    Files.copy(file, bundle.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertEquals(Files.readString(overlay.resolve("expected.txt")), outcome(bundle), name);
    }

    /** What the ingest makes of the bundle, as the cycle's first two steps would. */
    private static String outcome(Path bundleDir) {
        Bundle bundle = new Bundle(bundleDir.toString(), 2025);
        try {
            RuleVersion rules = RuleVersion.load(RuleVersion.DEFAULT);
            var validator = new TableValidator(Registry.read(bundle, IndustryClassification.load(rules.classification())),
                    rules.headcountLateFrom(2025).toInstant(), rules.classification());
            var reader = new SubmittedTableReader(bundle);
            reader.open(new ExecutionContext());
            List<String> lines = new ArrayList<>();
            long accepted = 0;
            long rejected = 0;
            long superseded = 0;
            for (SubmittedTable table = reader.read(); table != null; table = reader.read()) {
                TableOutcome outcome = validator.process(table);
                switch (outcome.status()) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case SUPERSEDED -> superseded++;
                }
                lines.add(outcome.status() + " " + table.key().employerId() + " " + table.key().workplaceId() + " "
                        + table.key().submittedAt());
                outcome.rejections().forEach(r -> lines.add("  " + r.rule() + " " + r.sourceFile() + ":" + r.line()
                        + " " + r.message()));
            }
            assertEquals(reader.submittedTables(), accepted + rejected + superseded, "accepted + rejected + superseded");
            lines.add(reader.submittedTables() + " submitted = " + accepted + " accepted + " + rejected + " rejected + "
                    + superseded + " superseded");
            return String.join("\n", lines) + "\n";
        } catch (BundleException e) {
            return "STOP " + e.getMessage().replace(bundleDir.toString(), "<bundle>") + "\n";
        }
    }
}

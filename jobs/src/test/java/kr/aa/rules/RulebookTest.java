package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.aa.io.DatasetSchema;
import kr.aa.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The project's rulebook, {@code docs/rules.md}, against what cites it and what it cites: every rule code of the
 * contracts has an entry, every citation of it names an entry, and every test it names exists.
 */
class RulebookTest {

    private static final Pattern TEST = Pattern.compile("`([A-Z]\\w*Test)\\.(\\w+)`");
    /** {@code docs/rules.md, "A", "B" and "C"}, the quotes escaped or not, the names perhaps across comment lines. */
    private static final Pattern CITATION = Pattern.compile(
            "docs/rules\\.md,?((?:\\s*(?:and\\s+)?\\\\?\"[A-Za-z`][^\"\\\\]*\\\\?\",?)+)");
    private static final Pattern QUOTED = Pattern.compile("\\\\?\"([A-Za-z`][^\"\\\\]*)\\\\?\"");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*(?:--|\\*)?\\s*");

    private static String rulebook() throws IOException {
        return Files.readString(Fixtures.ROOT.resolve("docs/rules.md"));
    }

    /** The headings of its entries and sections, without their backticks. */
    private static Set<String> headings() throws IOException {
        Set<String> headings = new TreeSet<>();
        rulebook().lines().filter(line -> line.startsWith("## ") || line.startsWith("### "))
                .forEach(line -> headings.add(line.substring(line.indexOf(' ') + 1).replace("`", "")));
        return headings;
    }

    @Test
    void everyRuleCodeOfTheContractsHasAnEntry() throws IOException {
        String rulebook = rulebook();
        List<String> missing = new ArrayList<>();
        for (String area : List.of("reports", "warehouse")) {
            try (Stream<Path> files = Files.list(Fixtures.ROOT.resolve("schemas").resolve(area))) {
                for (Path file : files.sorted().toList()) {
                    String dataset = file.getFileName().toString().replace(".json", "");
                    for (DatasetSchema.Column column : DatasetSchema.load(area, dataset).columns()) {
                        for (String code : column.acceptedValues() == null ? List.<String>of() : column.acceptedValues()) {
                            if (!rulebook.contains("\n### `" + code + "`")) {
                                missing.add(area + "/" + dataset + "." + column.name() + ": " + code);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCitationNamesAnEntry() throws IOException {
        Set<String> headings = headings();
        List<String> unknown = new ArrayList<>();
        int citations = 0;
        for (String folder : List.of("jobs/src/main", "tools/src/main", "config", "schemas", "reports", "README.md")) {
            try (Stream<Path> files = Files.walk(Fixtures.ROOT.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    Matcher citation = CITATION.matcher(Files.readString(file));
                    while (citation.find()) {
                        Matcher name = QUOTED.matcher(citation.group(1));
                        while (name.find()) {
                            citations++;
                            String heading = LINE_BREAK.matcher(name.group(1)).replaceAll(" ").replace("`", "");
                            if (!headings.contains(heading)) {
                                unknown.add(Fixtures.ROOT.relativize(file) + ": \"" + heading + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(citations > 20, "only " + citations + " citations found");
    }

    @Test
    void everyTestItNamesExists() throws IOException {
        Matcher test = TEST.matcher(rulebook());
        List<String> missing = new ArrayList<>();
        while (test.find()) {
            String name = test.group(1);
            try (Stream<Path> files = Stream.of("jobs", "tools").flatMap(module -> walk(module + "/src/test/java"))) {
                List<Path> found = files.filter(f -> f.getFileName().toString().equals(name + ".java")).toList();
                if (found.size() != 1 || !Files.readString(found.get(0)).contains(" void " + test.group(2) + "(")) {
                    missing.add(test.group());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static Stream<Path> walk(String folder) {
        try {
            return Files.walk(Fixtures.ROOT.resolve(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

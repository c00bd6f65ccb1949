package kr.aa.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contracts of {@code schemas/} as a researcher reads them. */
class DatasetSchemaTest {

    private static final Path SCHEMAS = Path.of("../schemas");

    /** Every contract, loaded as the code loads it. */
    private static List<DatasetSchema> contracts() throws IOException {
        try (Stream<Path> files = Files.walk(SCHEMAS)) {
            return files.filter(f -> f.toString().endsWith(".json") && !f.getParent().equals(SCHEMAS))
                    .sorted()
                    .map(f -> DatasetSchema.load(f.getParent().getFileName().toString(),
                            f.getFileName().toString().replace(".json", "")))
                    .toList();
        }
    }

    @Test
    void everyColumnOfEveryContractSaysWhatItMeans() throws IOException {
        Set<String> undescribed = new TreeSet<>();
        List<DatasetSchema> contracts = contracts();
        assertEquals(Set.of("input", "ledger", "reports", "staging", "warehouse"),
                Set.copyOf(contracts.stream().map(DatasetSchema::area).toList()));
        for (DatasetSchema contract : contracts) {
            contract.columns().stream().filter(c -> c.description().isBlank())
                    .forEach(c -> undescribed.add(contract.area() + "/" + contract.dataset() + "." + c.name()));
        }
        assertEquals(Set.of(), undescribed);
    }

    @Test
    void everyEntryOfTheGlossaryIsAColumnOfSomeContract() throws IOException {
        Set<String> named = new HashSet<>();
        for (DatasetSchema contract : contracts()) {
            contract.columns().forEach(c -> named.add(c.name()));
        }
        Set<String> unused = new TreeSet<>(DatasetSchema.Glossary.load().columns().keySet());
        unused.removeAll(named);
        assertEquals(Set.of(), unused);
    }
}

package kr.aa.io;

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

    @Test
    void aReportIsItsWarehouseDatasetsColumnsAfterTheReportingYear() throws IOException {
        for (DatasetSchema report : contracts().stream().filter(c -> c.area().equals("reports")).toList()) {
            DatasetSchema warehouse = DatasetSchema.load("warehouse", report.dataset());
            assertEquals("reporting_year int", report.columns().get(0).name() + " " + report.columns().get(0).type());
            for (DatasetSchema.Column column : report.columns().subList(1, report.columns().size())) {
                assertEquals(List.of(column), warehouse.columns().stream()
                        .filter(c -> c.name().equals(column.name())).toList(), report.dataset());
            }
            assertEquals(warehouse.orderBy(), report.orderBy());
        }
    }
}

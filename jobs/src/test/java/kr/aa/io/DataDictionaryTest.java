package kr.aa.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data dictionary a researcher reads is the one the warehouse's contracts give, and it explains every column. */
class DataDictionaryTest {

    private static final Path DICTIONARY = Path.of("../docs/warehouse.md");

    @Test
    void everyColumnOfTheWarehouseHasAMeaning() {
        List<String> datasets = DataDictionary.warehouseDatasets();
        assertTrue(datasets.containsAll(List.of("units", "notifications", "national_statistics")), datasets.toString());
        assertEquals(List.of(), DataDictionary.unexplained(datasets),
                "give these columns a description in their contract or a meaning in schemas/columns.json");
    }

    @Test
    void theDictionaryInDocsIsWhatTheContractsGive() throws IOException {
        assertEquals(DataDictionary.markdown(DataDictionary.warehouseDatasets()), Files.readString(DICTIONARY),
                "docs/warehouse.md is not what the contracts give: write it again with ./aa dictionary");
    }
}

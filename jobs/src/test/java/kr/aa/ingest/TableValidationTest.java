package kr.aa.ingest;

import static kr.aa.testing.Fixtures.append;
import static kr.aa.testing.Fixtures.removeLines;
import static kr.aa.testing.Fixtures.replace;
import static kr.aa.testing.Fixtures.replaceAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import kr.aa.rules.IndustryClassification;
import kr.aa.rules.RuleVersion;
import kr.aa.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Each rejection rule of the data contract on the manual's example bundle: a deliberately broken twin of
 * the valid table, and the rejection it must get (rule, file, line). The valid bundle is accepted whole.
 */
class TableValidationTest {

    private static final String FIRST = "101-81-00001,W01,2025-05-20T10:00:00+09:00";
    private static final String HEADERS = "headcount_headers.csv";
    private static final String CELLS = "headcounts.csv";

    @TempDir
    Path dir;
    private int bundles;

    /** Outcomes by "employer/workplace/submitted_at", each as "STATUS" or "rule file:line" lines. */
    private Map<String, String> outcomes(Consumer<Path> breakIt) {
        Path bundleDir = Fixtures.bundle("manual-example", dir.resolve("bundle-" + bundles++));
        breakIt.accept(bundleDir);
        Bundle bundle = new Bundle(bundleDir.toString(), 2025);
        RuleVersion rules = RuleVersion.load("manual-2006-act-2022");
        var validator = new TableValidator(Registry.read(bundle, IndustryClassification.load("ksic-8")),
                rules.headcountLateFrom(2025).toInstant(), "ksic-8");
        var reader = new SubmittedTableReader(bundle);
        reader.open(new ExecutionContext());
        Map<String, String> outcomes = new TreeMap<>();
        for (SubmittedTable table = reader.read(); table != null; table = reader.read()) {
            TableOutcome outcome = validator.process(table);
            List<String> lines = new ArrayList<>();
            lines.add(outcome.status() + (outcome.late() ? " late" : ""));
            outcome.rejections().forEach(r -> lines.add(r.rule() + " " + r.sourceFile() + ":" + r.line()));
            SubmittedTable.Key key = table.key();
            outcomes.put(key.employerId() + "/" + key.workplaceId() + "/" + key.submittedAt(),
                    String.join("\n", lines));
        }
        return outcomes;
    }

    private String first(Consumer<Path> breakIt) {
        return outcomes(breakIt).get(FIRST.replace(',', '/'));
    }

    @Test
    void theValidTwinIsAcceptedWhole() {
        Map<String, String> outcomes = outcomes(b -> { });
        assertEquals(3, outcomes.size());
        assertEquals("ACCEPTED,ACCEPTED,ACCEPTED", String.join(",", outcomes.values()));
    }

    @Test
    void unknownEmployer() {
        String outcome = outcomes(b -> {
            replace(b, HEADERS, "101-81-00001,W01", "999-99-99999,W01");
            replaceAll(b, CELLS, "101-81-00001,W01", "999-99-99999,W01");
        }).get("999-99-99999/W01/2025-05-20T10:00:00+09:00");
        assertEquals("REJECTED\nUNKNOWN_EMPLOYER headcount_headers.csv:2", outcome);
    }

    @Test
    void aWorkplaceRegisteredForAnUnregisteredEmployerDoesNotMakeItKnown() {
        String outcome = outcomes(b -> {
            append(b, "workplaces.csv", "999-99-99999,W01,없는회사 본사,서울,F\n");
            append(b, "monthly_workforce.csv", "999-99-99999,2024-01,700\n");
            append(b, HEADERS, "999-99-99999,W01,2025-05-20T10:00:00+09:00,1,0,0,0\n");
            append(b, CELLS, "999-99-99999,W01,2025-05-20T10:00:00+09:00,3,III,1,0\n");
        }).get("999-99-99999/W01/2025-05-20T10:00:00+09:00");
        assertEquals("REJECTED\nUNKNOWN_EMPLOYER headcount_headers.csv:5", outcome);
    }

    @Test
    void unknownWorkplace() {
        String outcome = outcomes(b -> {
            replace(b, HEADERS, "101-81-00001,W01", "101-81-00001,W09");
            replaceAll(b, CELLS, "101-81-00001,W01", "101-81-00001,W09");
        }).get("101-81-00001/W09/2025-05-20T10:00:00+09:00");
        assertEquals("REJECTED\nUNKNOWN_WORKPLACE headcount_headers.csv:2", outcome);
    }

    @Test
    void unknownIndustry() {
        assertEquals("REJECTED\nUNKNOWN_INDUSTRY headcount_headers.csv:2",
                first(b -> replace(b, "workplaces.csv", ",D29", ",Z99")));
    }

    @Test
    void badCellWomenAboveTotal() {
        assertEquals("REJECTED\nBAD_CELL headcounts.csv:3",
                first(b -> replace(b, CELLS, FIRST + ",0,II,28,0", FIRST + ",0,II,28,29")));
    }

    @Test
    void badCellJobTypeOutOfRangeReportedOnceAtTheFirstBadCell() {
        assertEquals("REJECTED\nBAD_CELL headcounts.csv:4", first(b -> {
            replace(b, CELLS, FIRST + ",1,II,30,3", FIRST + ",12,II,30,3");
            replace(b, CELLS, FIRST + ",9,III,10,5", FIRST + ",9,III,ten,5");
        }));
    }

    @Test
    void managerAtLevelIii() {
        assertEquals("REJECTED\nMANAGER_AT_LEVEL_III headcounts.csv:3",
                first(b -> replace(b, CELLS, FIRST + ",0,II,28,0", FIRST + ",0,III,28,0")));
    }

    @Test
    void headerMismatch() {
        assertEquals("REJECTED\nHEADER_MISMATCH headcount_headers.csv:2",
                first(b -> replace(b, HEADERS, FIRST + ",1250,100,", FIRST + ",1250,101,")));
    }

    @Test
    void duplicateCellIsReportedAndTheTotalsAreNotChecked() {
        assertEquals("REJECTED\nDUPLICATE_CELL headcounts.csv:24",
                first(b -> append(b, CELLS, FIRST + ",9,III,10,5\n")));
    }

    @Test
    void emptyTable() {
        assertEquals("REJECTED\nEMPTY_TABLE headcount_headers.csv:2", first(b -> {
            replace(b, HEADERS, FIRST + ",1250,100,40,1", FIRST + ",0,0,0,0");
            removeLines(b, CELLS, FIRST);
        }));
    }

    @Test
    void aZeroHeaderOverCellsThatCountSomeoneIsAMismatchNotAnEmptyTable() {
        assertEquals("REJECTED\nHEADER_MISMATCH headcount_headers.csv:2",
                first(b -> replace(b, HEADERS, FIRST + ",1250,100,40,1", FIRST + ",0,0,0,0")));
    }

    @Test
    void missingHeader() {
        assertEquals("REJECTED\nMISSING_HEADER headcounts.csv:2",
                first(b -> replace(b, HEADERS, FIRST + ",1250,100,40,1\n", "")));
    }

    @Test
    void duplicateHeader() {
        assertEquals("REJECTED\nDUPLICATE_HEADER headcount_headers.csv:5",
                first(b -> append(b, HEADERS, FIRST + ",1250,100,40,1\n")));
    }

    @Test
    void badHeader() {
        assertEquals("REJECTED\nBAD_HEADER headcount_headers.csv:2",
                first(b -> replace(b, HEADERS, FIRST + ",1250,", FIRST + ",\"1,250\",")));
    }

    @Test
    void everyRuleThatAppliesIsReported() {
        assertEquals("REJECTED\nUNKNOWN_INDUSTRY headcount_headers.csv:2\nBAD_CELL headcounts.csv:3"
                + "\nMANAGER_AT_LEVEL_III headcounts.csv:2", first(b -> {
                    replace(b, "workplaces.csv", ",D29", ",Z99");
                    replace(b, CELLS, FIRST + ",0,I,12,1", FIRST + ",0,III,12,1");
                    replace(b, CELLS, FIRST + ",0,II,28,0", FIRST + ",0,II,28,29");
                }));
    }

    @Test
    void resubmissionReplacesTheEarlierTableWhole() {
        String earlier = "101-81-00001,W01,2025-05-02T09:00:00+09:00";
        Map<String, String> outcomes = outcomes(b -> {
            append(b, HEADERS, earlier + ",7,7,0,0\n");
            append(b, CELLS, earlier + ",3,III,7,7\n" + earlier + ",3,III,1,1\n");
        });
        assertEquals("SUPERSEDED", outcomes.get(earlier.replace(',', '/')));
        assertEquals("ACCEPTED", outcomes.get(FIRST.replace(',', '/')));
    }

    @Test
    void aBrokenResubmissionIsRejectedAndTheEarlierTableStaysSuperseded() {
        String later = "101-81-00001,W01,2025-05-30T09:00:00+09:00";
        Map<String, String> outcomes = outcomes(b -> {
            append(b, HEADERS, later + ",8,7,0,0\n");
            append(b, CELLS, later + ",3,III,7,7\n");
        });
        assertEquals("SUPERSEDED", outcomes.get(FIRST.replace(',', '/')));
        assertEquals("REJECTED\nHEADER_MISMATCH headcount_headers.csv:5", outcomes.get(later.replace(',', '/')));
    }

    @Test
    void aTableIsLateFromTheFirstInstantAfterTheDueDate() {
        Map<String, String> onTime = outcomes(b -> {
            replace(b, HEADERS, FIRST, FIRST.replace("2025-05-20T10:00:00", "2025-05-31T23:59:59"));
            replaceAll(b, CELLS, "2025-05-20T10:00:00", "2025-05-31T23:59:59");
        });
        assertEquals("ACCEPTED", onTime.get("101-81-00001/W01/2025-05-31T23:59:59+09:00"));
        Map<String, String> late = outcomes(b -> {
            replace(b, HEADERS, FIRST, FIRST.replace("2025-05-20T10:00:00+09:00", "2025-05-31T15:00:00Z"));
            replaceAll(b, CELLS, "2025-05-20T10:00:00+09:00", "2025-05-31T15:00:00Z");
        });
        assertEquals("ACCEPTED late", late.get("101-81-00001/W01/2025-05-31T15:00:00Z"));
    }

    @Test
    void rulesAreCountedOncePerTable() {
        Map<String, String> outcomes = outcomes(b -> {
            replace(b, CELLS, FIRST + ",0,II,28,0", FIRST + ",0,II,28,29");
            replace(b, CELLS, FIRST + ",1,II,30,3", FIRST + ",1,II,30,31");
        });
        assertEquals(1, outcomes.values().stream().filter(o -> o.contains("BAD_CELL")).count());
        assertEquals(Map.of("ACCEPTED", 2L, "REJECTED", 1L), outcomes.values().stream()
                .collect(Collectors.groupingBy(o -> o.split("\n")[0], Collectors.counting())));
    }
}

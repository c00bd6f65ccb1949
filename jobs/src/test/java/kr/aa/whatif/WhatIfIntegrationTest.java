package kr.aa.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kr.aa.io.Storage;
import kr.aa.rules.RuleVersion;
import kr.aa.run.Refused;
import kr.aa.testing.InProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy what-if on the published 2025 run of {@code standard-edges} (docs/rules.md, "Policy what-if"): the
 * factor raised from 0.6 to 0.7 notifies the unit whose ratio lies between the two standards, the 50 % proviso
 * removed selects the unit it spared on both criteria; the published year is left as it was, and the same what-if
 * gives the same bytes.
 */
class WhatIfIntegrationTest {

    @TempDir
    Path dir;

    /** A copy of the fixture's output folder, so that the what-if writes into no other test's. */
    private Path published() throws IOException {
        Path from = InProcess.fixture("standard-edges").out();
        Path out = dir.resolve("out");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path to = out.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return out;
    }

    /** Every file under {@code root} but those of {@code except}, by the hash of its bytes. */
    private static Map<String, Integer> files(Path root, String except) throws IOException {
        Map<String, Integer> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString();
                if (!name.startsWith(except)) {
                    files.put(name, Arrays.hashCode(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    private static List<WhatIf.Scenario> scenarios(String... settings) {
        return Stream.of(settings).map(setting -> RuleVersion.load(RuleVersion.DEFAULT, List.of(setting)))
                .map(rules -> new WhatIf.Scenario(rules.id(), rules)).toList();
    }

    @Test
    void aRaisedFactorOrNoProvisoChangesWhoIsNotifiedAndThePublishedYearStaysAsItWas() throws IOException {
        Path out = published();
        Map<String, Integer> before = files(out, "whatif/");
        WhatIf whatIf = new WhatIf(Storage.local(out), 2025, "factor");
        assertEquals(RuleVersion.DEFAULT, whatIf.publishedRuleVersion());
        List<WhatIf.Scenario> scenarios = scenarios("factor=0.7", "female_ratio_proviso=none");
        Path page = Storage.toLocal(whatIf.run(InProcess.spark(), scenarios, "local[2]"));
        Path result = page.getParent();
        assertEquals(List.of("reporting_year,scenario,notified_units,notified_employers,fine_cases,naming_candidates",
                "2025,published,2,2,0,0", "2025,manual-2006-act-2022+factor=0.7,3,3,0,0",
                "2025,manual-2006-act-2022+female_ratio_proviso=none,2,2,0,0"),
                Files.readAllLines(result.resolve("totals.csv")));
        List<String> changes = Files.readAllLines(result.resolve("changes.csv"));
        assertEquals(List.of(
                "2025,manual-2006-act-2022+factor=0.7,201-81-00001,정확건설,G07,under-1000,500,60,0.120000,10,2,"
                        + "0.200000,0.140000,0.140000,false,,true,FEMALE,NEWLY_NOTIFIED",
                "2025,manual-2006-act-2022+female_ratio_proviso=none,203-81-00004,반반병원,G17,1000-plus,1000,500,"
                        + "0.500000,10,0,0.000000,0.502500,0.225000,true,MANAGER,true,BOTH,CRITERION_CHANGED"),
                changes.subList(1, changes.size()));
        assertTrue(Files.readString(result.resolve("groups.csv"))
                .contains("2025,G07,under-1000,manual-2006-act-2022+factor=0.7,3,0.200000,0.140000,3,0.200000,0.140000,1"));
        String html = Files.readString(page);
        for (String expected : List.of("정확건설 (201-81-00001)", "새로 통지", "미달 기준 변경", "12.0000% / 14.0000%")) {
            assertTrue(html.contains(expected), expected);
        }
        assertTrue(Files.exists(result.resolve("manual-2006-act-2022+factor=0.7/reports/notifications.csv")));
        assertFalse(Files.exists(result.resolve("manual-2006-act-2022+factor=0.7/.work")));
        assertEquals(before, files(out, "whatif/"), "the what-if changed the published year");
        try (Stream<Path> whatIfs = Files.list(out.resolve("whatif"))) {
            assertEquals(List.of("factor"), whatIfs.map(f -> f.getFileName().toString()).toList(),
                    "the what-if's work folder was left");
        }
        // the same what-if again gives the same bytes
        Map<String, Integer> first = files(result, "");
        whatIf.run(InProcess.spark(), scenarios, "local[2]");
        assertEquals(first, files(result, ""));
    }

    @Test
    void aYearNeverRunIntoTheFolderOrANameThatIsNoFolderIsRefusedInOneSentence() throws IOException {
        Path out = InProcess.fixture("standard-edges").out();
        Refused never = assertThrows(Refused.class, () -> new WhatIf(Storage.local(out), 2019, "2019"));
        assertTrue(never.getMessage().contains("holds no published cycle of 2019"), never.getMessage());
        Refused name = assertThrows(Refused.class, () -> new WhatIf(Storage.local(out), 2025,
                "../../etc"));
        assertTrue(name.getMessage().startsWith("a what-if's name is up to 64 letters"), name.getMessage());
        assertFalse(Files.exists(out.resolve("whatif")));
    }
}

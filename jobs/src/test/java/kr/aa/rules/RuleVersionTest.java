package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleVersionTest {

    @ParameterizedTest
    @CsvSource({
        "manual-2006-act-2022,   0.6, 500,  300,  2025-05-31, 2025-08-01, 2025-10-15",
        "kr-2006, 0.6, 1000, 1000, 2007-05-31, 2007-08-01, 2007-10-15",
        "kr-2014, 0.7, 500,  500,  2015-03-31,           , 2016-03-31",
        "kr-2020, 0.7, 500,  300,  2021-04-30,           , 2022-04-30"})
    void everyVersionStatesItsFactorThresholdsAndDates(String id, BigDecimal factor, long workforce,
            long groupWorkforce, LocalDate headcountDue, LocalDate notifyBy, LocalDate planDue) {
        RuleVersion rules = RuleVersion.load(id);
        int year = headcountDue.getYear();
        assertEquals(id, rules.id());
        assertEquals(0, factor.compareTo(rules.factor()));
        assertEquals(workforce, rules.obligationFor(year).kinds().get("PRIVATE").workforce());
        assertEquals(groupWorkforce, rules.obligationFor(year).kinds().get("PRIVATE").groupWorkforce());
        assertEquals(headcountDue, rules.dates().headcountDue().in(year));
        assertEquals(notifyBy, rules.dates().notifyBy() == null ? null : rules.dates().notifyBy().in(year));
        assertEquals(planDue, rules.dates().planDue().in(year));
        assertEquals(0, new BigDecimal("0.5").compareTo(rules.femaleRatioProviso()));
    }

    @Test
    void kr2006ObligesFiveHundredFromMarch2008() {
        RuleVersion rules = RuleVersion.load("kr-2006");
        assertEquals(1000, rules.obligationFor(2007).kinds().get("PRIVATE").workforce());
        assertEquals(500, rules.obligationFor(2008).kinds().get("PRIVATE").workforce());
    }

    /** Who is obliged, by kind: "kind → threshold" of the entry in force on the year's headcount due date. */
    private static String obliged(String id, int year) {
        return new java.util.TreeMap<>(RuleVersion.load(id).obligationFor(year).kinds()).entrySet().stream()
                .map(kind -> kind.getKey() + " " + kind.getValue().workforce())
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022", "kr-2006", "kr-2014", "kr-2020"})
    void everyVersionObligesPublicInstitutionsWhateverTheirSize(String id) {
        assertEquals(0, RuleVersion.load(id).obligationFor(2025).kinds().get("PUBLIC_INSTITUTION").workforce());
    }

    @Test
    void localPublicBodiesAreNotObligedUnderKr2006() {
        assertEquals("PRIVATE 1000, PUBLIC_INSTITUTION 0", obliged("kr-2006", 2007));
        assertEquals("PRIVATE 500, PUBLIC_INSTITUTION 0", obliged("kr-2006", 2025));
    }

    @Test
    void kr2014ObligesLocalPublicBodiesOf300From2018AndAllFrom2019() {
        assertEquals("PRIVATE 500, PUBLIC_INSTITUTION 0", obliged("kr-2014", 2017));
        assertEquals("LOCAL_PUBLIC 300, PRIVATE 500, PUBLIC_INSTITUTION 0", obliged("kr-2014", 2018));
        assertEquals("LOCAL_PUBLIC 0, PRIVATE 500, PUBLIC_INSTITUTION 0", obliged("kr-2014", 2019));
    }

    @Test
    void theDefaultVersionObligesEveryPublicBodyAndPrivateFirmsFrom500Or300InDisclosureGroups() {
        assertEquals("LOCAL_PUBLIC 0, PRIVATE 500, PUBLIC_INSTITUTION 0", obliged(RuleVersion.DEFAULT, 2025));
        assertEquals(300, RuleVersion.load(RuleVersion.DEFAULT).obligationFor(2025).kinds().get("PRIVATE")
                .groupWorkforce());
    }

    @Test
    void aVersionObligingAKindUnknownToTheRegistryIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("local.json");
        try (var in = RuleVersion.class.getClassLoader().getResourceAsStream("config/rules/manual-2006-act-2022.json")) {
            java.nio.file.Files.writeString(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("\"LOCAL_PUBLIC\"", "\"LOCAL\""));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> RuleVersion.load(file.toString()));
        assertEquals("manual-2006-act-2022: each obligation needs a date \"from\" and \"kinds\", a threshold for each"
                + " of the kinds it obliges among PRIVATE, PUBLIC_INSTITUTION, LOCAL_PUBLIC", e.getMessage());
    }

    @Test
    void theDefaultVersionIsNamedForWhatItIs() {
        assertEquals("manual-2006-act-2022", RuleVersion.DEFAULT);
        assertEquals(RuleVersion.DEFAULT, RuleVersion.load(RuleVersion.DEFAULT).id());
        assertThrows(IllegalArgumentException.class, () -> RuleVersion.load("seeds"));
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022, 2025-08-01", "kr-2006, 2025-08-01", "kr-2014, 2025-03-31", "kr-2020, 2025-04-30"})
    void theYearsSelectionIsDatedItsNotificationDateOrWithoutOneItsHeadcountDueDate(String id, LocalDate date) {
        assertEquals(date, RuleVersion.load(id).selectionDate(2025));
    }

    @Test
    void aTableIsLateFromTheDayAfterTheDueDateInSeoul() {
        ZonedDateTime lateFrom = RuleVersion.load("manual-2006-act-2022").headcountLateFrom(2025);
        assertEquals("2025-06-01T00:00+09:00[Asia/Seoul]", lateFrom.toString());
    }

    @Test
    void anUnknownVersionNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> RuleVersion.load("kr-1999"));
        assertEquals("no rule version 'kr-1999' in config/rules/ (manual-2006-act-2022, kr-2006, kr-2014, kr-2020,"
                + " or a path to a .json file)", e.getMessage());
    }

    @Test
    void laterVersionsFixNoNotificationDate() {
        assertNull(RuleVersion.load("kr-2014").dates().notifyBy());
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022, 2024-10-16T00:00+09:00[Asia/Seoul]", "kr-2014, 2015-04-01T00:00+09:00[Asia/Seoul]"})
    void aPlanIsLateFromTheDayAfterItsPlanYearsDueDate(String id, String lateFrom) {
        RuleVersion rules = RuleVersion.load(id);
        assertEquals(lateFrom, rules.lateFrom(rules.dates().planDue(), id.equals("manual-2006-act-2022") ? 2024 : 2014).toString());
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022", "kr-2006", "kr-2014", "kr-2020"})
    void everyVersionStatesTheNoticeAndPublicationPeriodsOfTheDecree(String id) {
        RuleVersion.Compliance compliance = RuleVersion.load(id).compliance();
        assertEquals("30 30 6 3", compliance.supplementAnswerDays() + " " + compliance.noticeDays() + " "
                + compliance.publicationMonths() + " " + compliance.failedYears());
        assertEquals(0, new BigDecimal("100").compareTo(compliance.poorBelowPct()));
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022", "kr-2006", "kr-2014", "kr-2020"})
    void everyVersionSaysWhichYearEachPartOfTheCycleCovers(String id) {
        RuleVersion rules = RuleVersion.load(id);
        assertEquals("2024 2024 2024 2023", rules.workforceYear(2025) + " " + rules.payYear(2025) + " "
                + rules.planYear(2025) + " " + rules.reportYear(2025));
    }

    @ParameterizedTest
    @CsvSource({"manual-2006-act-2022", "kr-2006", "kr-2014", "kr-2020"})
    void everyVersionListsTheExceptionsDeathClosureInsolvencyEffortInThatPrecedence(String id) {
        assertEquals(List.of("EXCEPTION_DEATH EXCLUDED_DEATH", "EXCEPTION_CLOSURE EXCLUDED_CLOSURE",
                "EXCEPTION_INSOLVENCY EXCLUDED_INSOLVENCY", "EXCEPTION_EFFORT EXCLUDED_EFFORT"),
                RuleVersion.load(id).compliance().exceptions().stream().map(e -> e.action() + " " + e.status()).toList());
    }

    @Test
    void theQuartileBandsTakeTheRemainderInQ1ThenQ4ThenQ2() {
        RuleVersion.Pay pay = RuleVersion.load(RuleVersion.DEFAULT).pay();
        assertEquals("1 3 4 2", pay.remainderRank(1) + " " + pay.remainderRank(2) + " " + pay.remainderRank(3) + " "
                + pay.remainderRank(4));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"performance_reports\": -2|\"performance_reports\": 0|\"years\" needs the workforce, pay, plans and"
                + " performance_reports years, each before the reporting year (-1 or less)",
        "\"quartile_remainder\": [1, 4, 2]|\"quartile_remainder\": [1, 4, 4]|pay.quartile_remainder names three"
                + " different quartiles (1-4), in the order they take the remainder",
        "\"exceptions\": [|\"exceptions\": [], \"unused\": [|compliance.exceptions needs the decisions that remove a"
                + " candidate, in the order they take precedence",
        "\"min_years\": 10|\"min_years\": 3|the tenure bands start at 0 years and each at more years than the one"
                + " before",
        "\"min_workforce\": 1000|\"min_workforce\": 0|the size classes start at 0 and each at a larger workforce than"
                + " the one before",
        "\"OTHER\"|\"REGULAR\"|pay.employment_types names each employment type once"})
    void aVersionWithoutItsYearsQuartileOrderOrExceptionsOrWithOverlappingBandsIsRefused(String from, String to, String message,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("changed.json");
        try (var in = RuleVersion.class.getClassLoader().getResourceAsStream("config/rules/manual-2006-act-2022.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.nio.file.Files.writeString(file, text.replace(from, to));
        }
        var e = assertThrows(IllegalArgumentException.class, () -> RuleVersion.load(file.toString()));
        assertEquals("manual-2006-act-2022: " + message, e.getMessage());
    }

    @Test
    void aSettingChangedByKeyOrPathNamesTheVersionAndAnUnknownKeyIsRefusedWithTheKnownOnes() {
        RuleVersion changed = RuleVersion.load(RuleVersion.DEFAULT, List.of("factor=0.7", "average=POOLED",
                "female_ratio_proviso=none", "size_classes.1.min_workforce=800", "max_fine_krw=1000000"));
        assertEquals(new BigDecimal("0.7"), changed.factor());
        assertEquals("POOLED", changed.average());
        assertNull(changed.femaleRatioProviso());
        assertEquals(800, changed.sizeClasses().get(1).minWorkforce());
        assertEquals(1_000_000, changed.maxFineKrw());
        assertEquals(RuleVersion.DEFAULT + "+factor=0.7+average=POOLED+female_ratio_proviso=none"
                + "+size_classes.1.min_workforce=800+max_fine_krw=1000000", changed.id());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RuleVersion.load(RuleVersion.DEFAULT, List.of("fator=0.7")));
        assertTrue(unknown.getMessage().contains("has no setting 'fator'")
                && unknown.getMessage().contains("factor, female_ratio_proviso, average"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RuleVersion.load(RuleVersion.DEFAULT,
                List.of("size_classes.1.min_workforce=many")));
        // the checks of a rule file hold for its changed settings too
        assertThrows(IllegalArgumentException.class, () -> RuleVersion.load(RuleVersion.DEFAULT,
                List.of("average=MEDIAN")));
    }
}

package kr.aa.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndustryClassificationTest {

    private final IndustryClassification ksic = IndustryClassification.load("ksic-8");

    @ParameterizedTest
    @CsvSource({
        "A, G01", "C, G01", "D15, G02", "D22, G02", "D21, G03", "D36, G03", "D29, G04", "D37, G04",
        "D30, G05", "D3011, G05", "E, G06", "F, G07", "G, G08", "H, G09", "I60, G10", "I63, G10",
        "I62, G11", "J, G12", "K, G13", "L, G14", "M, G15", "O, G16", "P, G17", "Q, G18", "R, G19",
        "N, G20", "S, G20", "T, G20"})
    void mapsEachSectionAndDivisionToItsGroup(String code, String group) {
        assertEquals(Optional.of(group), ksic.groupOf(code));
    }

    @ParameterizedTest
    @CsvSource({"d 15, G02", "D-15, G02", "d15, G02", "D.15, G02", "'  i 62 ', G11", "d 30.11, G05", "k, G13",
        "D-29-11, G04"})
    void codesAreReadWithoutRegardToCaseSpacesHyphensAndDots(String code, String group) {
        assertEquals(Optional.of(group), ksic.groupOf(code));
    }

    @ParameterizedTest
    @CsvSource({"D", "I", "D14", "I64", "Z99", "U", "D 1 4"})
    void manufacturingAndTransportNeedTheirDivision(String code) {
        assertEquals(Optional.empty(), ksic.groupOf(code));
    }

    @Test
    void namesAllTwentyGroups() {
        String expected = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("G%02d", i))
                .collect(Collectors.joining(","));
        assertEquals(expected, String.join(",", IndustryClassification.groupNames().keySet()));
        assertEquals("중화학공업", IndustryClassification.groupNames().get("G04"));
    }
}

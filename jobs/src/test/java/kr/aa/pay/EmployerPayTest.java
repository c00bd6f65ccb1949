package kr.aa.pay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The per-employer function of the pay step on rows made by hand, without Spark. */
class EmployerPayTest {

    /** Q1 takes the first remainder, then Q4, then Q2, as the default rules say. */
    private static final int[] REMAINDER_RANKS = {1, 3, 4};

    private static Row person(long line, String key, String gender, String level, long base, long variable) {
        return RowFactory.create(line, key, true, gender, level, "1", "0-4", 0, "REGULAR", 0, 2, base, variable, 0L,
                0L);
    }

    private static Row broken(long line, String key) {
        return RowFactory.create(line, key, false, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static Row figures(List<Row> rows) {
        return EmployerPay.figures(rows, REMAINDER_RANKS);
    }

    /** A list of the function's result: Java lists, which Spark converts to its arrays. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Row row, int field) {
        return (List<T>) row.get(field);
    }

    /** The group of a breakdown and category as "men,women,sum of men,sum of women,median of men,median of women". */
    private static String group(Row figures, String breakdown, String category) {
        for (Row group : EmployerPayTest.<Row>list(figures, 1)) {
            if (group.getString(0).equals(breakdown) && group.getString(1).equals(category)) {
                List<String> fields = new ArrayList<>();
                for (int i = 4; i < 10; i++) {
                    fields.add(String.valueOf(group.get(i)));
                }
                return String.join(",", fields);
            }
        }
        return "none";
    }

    /** The women of each quartile band as a share of its people, to 4 decimals. */
    private static List<String> quartileShares(Row figures) {
        return EmployerPayTest.<Row>list(figures, 2).stream().map(band -> ((BigDecimal) band.get(2))
                .divide(((BigDecimal) band.get(3)).multiply(BigDecimal.valueOf(band.getLong(1))), MathContext.DECIMAL64)
                .setScale(4, java.math.RoundingMode.HALF_UP).toPlainString()).toList();
    }

    @Test
    void anEvenCountsMedianIsTheMeanOfTheTwoMiddleValuesAndAnOddCountsTheMiddleOne() {
        Row figures = figures(List.of(person(1, "a", "M", "I", 7, 0), person(2, "b", "M", "I", 1, 0),
                person(3, "c", "M", "II", 4, 0), person(4, "d", "M", "II", 2, 0), person(5, "e", "F", "I", 2, 0),
                person(6, "f", "F", "I", 1, 0), person(7, "g", "F", "II", 9, 0)));
        assertEquals("4,3,14,12,3,2", group(figures, "ALL", "ALL"));
        assertEquals("2,2,8,3,4,1.5", group(figures, "LEVEL", "I"));
        assertEquals("2,1,6,9,3,9", group(figures, "LEVEL", "II"));
    }

    @Test
    void aGenderWithNoOneInACategoryHasNoSumAndNoMedian() {
        Row figures = figures(List.of(person(1, "a", "M", "I", 5, 0), person(2, "b", "F", "II", 6, 0)));
        assertEquals("1,0,5,null,5,null", group(figures, "LEVEL", "I"));
    }

    @Test
    void variablePayIsCountedAmongItsRecipientsAndEveryComponentApart() {
        Row figures = figures(List.of(person(1, "a", "M", "I", 10, 3), person(2, "b", "M", "I", 20, 0),
                person(3, "c", "F", "I", 30, 0)));
        assertEquals("1,0,3,null,3,null", group(figures, "VARIABLE_PAID", "ALL"));
        assertEquals("2,1,3,0,1.5,0", group(figures, "COMPONENT", "allowances"));
        assertEquals("2,1,33,30,16.5,30", group(figures, "ALL", "ALL"));
    }

    @Test
    void aKeyOnMoreThanOneRowRejectsEveryRowWithItAndLeavesThemOutOfTheFigures() {
        Row figures = figures(List.of(person(9, "k", "M", "I", 100, 0), broken(3, "k"), person(5, "k", "F", "I", 1, 0),
                person(4, "other", "F", "I", 7, 0), broken(6, ""), broken(7, "")));
        List<Row> duplicates = list(figures, 0);
        assertEquals(1, duplicates.size());
        assertEquals("k", duplicates.get(0).getString(0));
        assertEquals(List.of(3L, 5L, 9L), list(duplicates.get(0), 1));
        assertEquals("0,1,null,7,null,7", group(figures, "ALL", "ALL"));
    }

    @Test
    void equalPaysAcrossABandBoundaryAreSharedInProportion() {
        // 6 people: 10 (a man), four at 15 (two women) in positions 2 to 5, 20 (a man); bands of 2, 1, 1, 2 people
        Row figures = figures(List.of(person(1, "a", "M", "I", 10, 0), person(2, "b", "F", "I", 15, 0),
                person(3, "c", "M", "I", 15, 0), person(4, "d", "F", "I", 15, 0), person(5, "e", "M", "I", 15, 0),
                person(6, "f", "M", "I", 20, 0)));
        assertEquals(List.of("0.2500", "0.5000", "0.5000", "0.2500"), quartileShares(figures));
        assertEquals(List.of(2L, 1L, 1L, 2L),
                EmployerPayTest.<Row>list(figures, 2).stream().map(band -> band.getLong(1)).toList());
    }

    @Test
    void anEmployerWithoutPeopleInThePopulationHasNoGroupsAndNoBands() {
        Row uncounted = RowFactory.create(1L, "a", false, "M", "I", "1", null, null, null, null, 2, 5L, 0L, 0L, 0L);
        Row figures = figures(List.of(uncounted));
        assertEquals(List.of(), list(figures, 1));
        assertEquals(List.of(), list(figures, 2));
    }

    @Test
    void theOrderOfTheRowsChangesNothing() {
        List<Row> rows = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            rows.add(person(i, "k" + i % 190, i % 3 == 0 ? "F" : "M", i % 2 == 0 ? "I" : "III",
                    random.nextInt(50), random.nextInt(3)));
        }
        Row figures = figures(rows);
        Collections.shuffle(rows, random);
        assertEquals(figures, figures(rows));
        assertEquals(10, list(figures, 0).size());
    }

    @Test
    void rowsOfAnotherShapeAreRefused() {
        StructType shape = new StructType().add("line", DataTypes.LongType);
        assertThrows(IllegalArgumentException.class,
                () -> figures(List.of(new GenericRowWithSchema(new Object[] {1L}, shape))));
    }
}

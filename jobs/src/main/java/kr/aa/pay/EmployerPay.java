package kr.aa.pay;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every pay figure of one employer, from all its payroll rows in one pass: the SQL function
 * {@code employer_pay_figures(rows, q1_remainder_rank, q2_remainder_rank, q3_remainder_rank)} of the model
 * {@code pay_figures}, which groups the staged rows by employer once (docs/rules.md, "Pay disclosure"). Its figures
 * are exact: whole numbers, medians as decimals, the quartile shares as fractions; the models round them.
 *
 * <p>A row ({@link #ROW}) is a well-formed payroll row, {@code counted} where it is in the disclosure's population as
 * the model decides (registered employer, gender, months worked, employment type, tenure band), or a row broken on
 * its own, with its line and key alone. The function gives:
 * <ul>
 *   <li>{@code duplicates}: each key on more than one row, with the rows' lines in order ({@code DUPLICATE_EMPLOYEE});
 *       a counted row with a duplicated key is left out of every figure;</li>
 *   <li>{@code groups}: per breakdown and category with anyone in it (all, level, job type, tenure band, employment
 *       type on total pay; each pay component; the recipients of variable pay), the men and the women, the sum of
 *       their pay and its exact median (of an even count, the mean of the two middle values); none where a gender
 *       has no one;</li>
 *   <li>{@code quartiles}: the four quartile bands of total pay by position, with equal counts, the remainder of
 *       n / 4 going one by one to the quartiles ranked by the three arguments (Q4 takes the rest); the women of a
 *       band are {@code women_numerator / women_denominator}, people of equal pay across a boundary shared between
 *       the bands, their women in proportion; none for an employer without people;</li>
 *   <li>{@code tenure_years_men}, {@code tenure_years_women}: the sum of each gender's whole years of tenure.</li>
 * </ul>
 * Nothing depends on the order of the rows.
 */
public final class EmployerPay {

    /** A row of the function's input. */
    public static final StructType ROW = new StructType()
            .add("line", DataTypes.LongType)
            .add("employee_key", DataTypes.StringType)
            .add("counted", DataTypes.BooleanType)
            .add("gender", DataTypes.StringType)
            .add("level", DataTypes.StringType)
            .add("job_type", DataTypes.StringType)
            .add("tenure_band", DataTypes.StringType)
            .add("band_rank", DataTypes.IntegerType)
            .add("employment_type", DataTypes.StringType)
            .add("type_rank", DataTypes.IntegerType)
            .add("tenure_years", DataTypes.IntegerType)
            .add("base_pay_krw", DataTypes.LongType)
            .add("allowances_krw", DataTypes.LongType)
            .add("performance_pay_krw", DataTypes.LongType)
            .add("other_pay_krw", DataTypes.LongType);

    private static final StructType DUPLICATE = new StructType()
            .add("employee_key", DataTypes.StringType, false)
            .add("lines", DataTypes.createArrayType(DataTypes.LongType, false), false);
    private static final StructType GROUP = new StructType()
            .add("breakdown", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, false)
            .add("breakdown_rank", DataTypes.IntegerType, false)
            .add("category_rank", DataTypes.IntegerType, false)
            .add("men", DataTypes.LongType, false)
            .add("women", DataTypes.LongType, false)
            .add("pay_sum_men", DataTypes.LongType)
            .add("pay_sum_women", DataTypes.LongType)
            .add("median_pay_men", DataTypes.createDecimalType(20, 1))
            .add("median_pay_women", DataTypes.createDecimalType(20, 1));
    private static final StructType QUARTILE = new StructType()
            .add("quartile", DataTypes.IntegerType, false)
            .add("people", DataTypes.LongType, false)
            .add("women_numerator", DataTypes.createDecimalType(38, 0), false)
            .add("women_denominator", DataTypes.createDecimalType(38, 0), false);

    /** The function's result. */
    public static final StructType FIGURES = new StructType()
            .add("duplicates", DataTypes.createArrayType(DUPLICATE, false), false)
            .add("groups", DataTypes.createArrayType(GROUP, false), false)
            .add("quartiles", DataTypes.createArrayType(QUARTILE, false), false)
            .add("tenure_years_men", DataTypes.LongType, false)
            .add("tenure_years_women", DataTypes.LongType, false);

    private static final int LINE = ROW.fieldIndex("line");
    private static final int KEY = ROW.fieldIndex("employee_key");
    private static final int COUNTED = ROW.fieldIndex("counted");
    private static final int GENDER = ROW.fieldIndex("gender");
    private static final int LEVEL = ROW.fieldIndex("level");
    private static final int JOB_TYPE = ROW.fieldIndex("job_type");
    private static final int TENURE_BAND = ROW.fieldIndex("tenure_band");
    private static final int BAND_RANK = ROW.fieldIndex("band_rank");
    private static final int EMPLOYMENT_TYPE = ROW.fieldIndex("employment_type");
    private static final int TYPE_RANK = ROW.fieldIndex("type_rank");
    private static final int TENURE_YEARS = ROW.fieldIndex("tenure_years");
    private static final int BASE_PAY = ROW.fieldIndex("base_pay_krw");
    /** The groups every person of the population is in, whatever the row says: not made again for each row. */
    private static final Group ALL = new Group("ALL", "ALL", 0, 0);
    private static final Group VARIABLE_PAID = new Group("VARIABLE_PAID", "ALL", 6, 0);
    /** The pay components, in the order of their columns from {@link #BASE_PAY} on. */
    private static final Group[] COMPONENTS = {new Group("COMPONENT", "base_pay", 5, 0),
        new Group("COMPONENT", "allowances", 5, 1), new Group("COMPONENT", "performance_pay", 5, 2),
        new Group("COMPONENT", "other_pay", 5, 3)};

    private EmployerPay() {
    }

    /** Makes the function available to the session's SQL. */
    public static void register(SparkSession spark) {
        spark.udf().register("employer_pay_figures", (UDF4<Seq<Row>, Integer, Integer, Integer, Row>)
                (rows, q1, q2, q3) -> figures(CollectionConverters.asJava(rows), new int[] {q1, q2, q3}), FIGURES);
    }

    /**
     * The figures of the employer whose payroll rows are {@code rows}, the remainder of the quartile bands going to
     * the quartiles 1 to 3 in the order of {@code remainderRanks} (a quartile of rank r takes one more where
     * n mod 4 ≥ r).
     */
    public static Row figures(List<Row> rows, int[] remainderRanks) {
        if (!rows.isEmpty() && rows.get(0).schema() != null
                && !Arrays.equals(rows.get(0).schema().fieldNames(), ROW.fieldNames())) {
            throw new IllegalArgumentException("employer_pay_figures takes rows of " + ROW.simpleString() + ", not "
                    + rows.get(0).schema().simpleString());
        }
        Map<String, List<Long>> duplicated = duplicatedKeys(rows);
        List<Row> duplicates = new ArrayList<>();
        duplicated.forEach((key, lines) -> duplicates.add(RowFactory.create(key, lines)));
        Map<Group, Pays[]> groups = new HashMap<>();
        long[] tenureYears = new long[2];
        for (Row row : rows) {
            if (!row.getBoolean(COUNTED) || duplicated.containsKey(row.getString(KEY))) {
                continue;
            }
            int gender = row.getString(GENDER).equals("F") ? 1 : 0;
            long[] components = new long[COMPONENTS.length];
            for (int c = 0; c < COMPONENTS.length; c++) {
                components[c] = row.getLong(BASE_PAY + c);
            }
            long variable = Math.addExact(Math.addExact(components[1], components[2]), components[3]);
            long total = Math.addExact(components[0], variable);
            add(groups, ALL, gender, total);
            add(groups, new Group("LEVEL", row.getString(LEVEL), 1, 0), gender, total);
            add(groups, new Group("JOB_TYPE", row.getString(JOB_TYPE), 2, 0), gender, total);
            add(groups, new Group("TENURE", row.getString(TENURE_BAND), 3, row.getInt(BAND_RANK)), gender, total);
            add(groups, new Group("EMPLOYMENT_TYPE", row.getString(EMPLOYMENT_TYPE), 4, row.getInt(TYPE_RANK)),
                    gender, total);
            for (int c = 0; c < COMPONENTS.length; c++) {
                add(groups, COMPONENTS[c], gender, components[c]);
            }
            if (variable > 0) {
                add(groups, VARIABLE_PAID, gender, variable);
            }
            tenureYears[gender] += row.getInt(TENURE_YEARS);
        }
        List<Row> groupRows = new ArrayList<>();
        groups.entrySet().stream().sorted(Map.Entry.comparingByKey(Group.ORDER)).forEach(entry -> {
            Group group = entry.getKey();
            Pays men = entry.getValue()[0];
            Pays women = entry.getValue()[1];
            groupRows.add(RowFactory.create(group.breakdown, group.category, group.breakdownRank,
                    group.categoryRank, (long) men.size, (long) women.size, men.sum(), women.sum(), men.median(),
                    women.median()));
        });
        Pays[] all = groups.get(ALL);
        List<Row> quartiles = all == null ? List.of() : quartiles(all[0], all[1], remainderRanks);
        return RowFactory.create(duplicates, groupRows, quartiles, tenureYears[0], tenureYears[1]);
    }

    /** Each key on more than one row, in order, with the rows' lines in order; the empty key is no key. */
    private static Map<String, List<Long>> duplicatedKeys(List<Row> rows) {
        Map<String, List<Long>> linesByKey = new TreeMap<>();
        for (Row row : rows) {
            String key = row.getString(KEY);
            if (!key.isEmpty()) {
                linesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row.getLong(LINE));
            }
        }
        linesByKey.values().removeIf(lines -> lines.size() == 1);
        linesByKey.values().forEach(lines -> lines.sort(null));
        return linesByKey;
    }

    private static void add(Map<Group, Pays[]> groups, Group group, int gender, long pay) {
        groups.computeIfAbsent(group, g -> new Pays[] {new Pays(), new Pays()})[gender].add(pay);
    }

    /**
     * The quartile bands over the people ordered by total pay, from the men's and the women's sorted pays: the
     * people of one pay form a tie group, whose women are shared among the bands it overlaps in proportion.
     */
    private static List<Row> quartiles(Pays men, Pays women, int[] remainderRanks) {
        long[] m = men.sorted();
        long[] w = women.sorted();
        int n = m.length + w.length;
        long[] last = new long[4];
        for (int q = 0; q < 4; q++) {
            long size = q < 3 ? n / 4 + (n % 4 >= remainderRanks[q] ? 1 : 0) : n - last[2];
            last[q] = (q == 0 ? 0 : last[q - 1]) + size;
        }
        BigInteger[] numerators = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        BigInteger[] denominators = {BigInteger.ONE, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE};
        int i = 0;
        int j = 0;
        long before = 0;
        while (i < m.length || j < w.length) {
            long pay = j == w.length || i < m.length && m[i] <= w[j] ? m[i] : w[j];
            int tiedMen = 0;
            int tiedWomen = 0;
            for (; i < m.length && m[i] == pay; i++) {
                tiedMen++;
            }
            for (; j < w.length && w[j] == pay; j++) {
                tiedWomen++;
            }
            long people = tiedMen + tiedWomen;
            for (int q = 0; q < 4; q++) {
                long first = q == 0 ? 1 : last[q - 1] + 1;
                long overlap = Math.max(0, Math.min(last[q], before + people) - Math.max(first, before + 1) + 1);
                // numerator / denominator + tiedWomen * overlap / people, exactly
                if (overlap == people) {
                    numerators[q] = numerators[q].add(BigInteger.valueOf(tiedWomen).multiply(denominators[q]));
                } else if (overlap > 0) {
                    numerators[q] = numerators[q].multiply(BigInteger.valueOf(people))
                            .add(BigInteger.valueOf(tiedWomen * overlap).multiply(denominators[q]));
                    denominators[q] = denominators[q].multiply(BigInteger.valueOf(people));
                }
            }
            before += people;
        }
        List<Row> bands = new ArrayList<>(4);
        for (int q = 0; q < 4; q++) {
            bands.add(RowFactory.create(q + 1, last[q] - (q == 0 ? 0 : last[q - 1]),
                    new BigDecimal(numerators[q]), new BigDecimal(denominators[q])));
        }
        return bands;
    }

    /** A breakdown's category, in the disclosure's order. */
    private record Group(String breakdown, String category, int breakdownRank, int categoryRank) {

        static final Comparator<Group> ORDER = Comparator.comparingInt(Group::breakdownRank)
                .thenComparingInt(Group::categoryRank).thenComparing(Group::category);
    }

    /** The pays of one gender in a group. */
    private static final class Pays {

        private long[] values = new long[16];
        private int size;
        private boolean sorted;

        void add(long pay) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = pay;
            sorted = false;
        }

        /** The pays in ascending order. */
        long[] sorted() {
            if (!sorted) {
                values = Arrays.copyOf(values, size);
                Arrays.sort(values);
                sorted = true;
            }
            return values;
        }

        Long sum() {
            if (size == 0) {
                return null;
            }
            long sum = 0;
            for (int k = 0; k < size; k++) {
                sum = Math.addExact(sum, values[k]);
            }
            return sum;
        }

        /** The exact median: of an even count, the mean of the two middle values. */
        BigDecimal median() {
            if (size == 0) {
                return null;
            }
            long[] pays = sorted();
            return BigDecimal.valueOf(pays[(size + 1) / 2 - 1]).add(BigDecimal.valueOf(pays[size / 2]))
                    .divide(BigDecimal.valueOf(2));
        }
    }
}

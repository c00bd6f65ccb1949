package kr.aa.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Maps a workplace's KSIC code to its industry group (docs/rules.md, "Industry of a workplace") by the longest
 * prefix listed in {@code config/classification/<revision>.csv}: {@code D15} and {@code D1511} both fall in the
 * group of {@code D15}. A later KSIC revision is a new file.
 */
public final class IndustryClassification {

    private final Map<String, String> groupByPrefix;

    private IndustryClassification(Map<String, String> groupByPrefix) {
        this.groupByPrefix = groupByPrefix;
    }

    public static IndustryClassification load(String revision) {
        return new IndustryClassification(readPairs("config/classification/" + revision + ".csv"));
    }

    /** Industry group id to its Korean name, from {@code config/industry-groups.csv}. */
    public static Map<String, String> groupNames() {
        return readPairs("config/industry-groups.csv");
    }

    /**
     * The group of a code as a workplace registers it, read without regard to case, spaces, hyphens and dots
     * ({@code d 15}, {@code D-15} and {@code D15} are one code; docs/rules.md, "Industry of a workplace").
     */
    public Optional<String> groupOf(String ksicCode) {
        String code = canonical(ksicCode);
        for (int length = code.length(); length > 0; length--) {
            String group = groupByPrefix.get(code.substring(0, length));
            if (group != null) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private static String canonical(String ksicCode) {
        return ksicCode.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** The first two columns of a small configuration CSV without quoted commas in them. */
    private static Map<String, String> readPairs(String resource) {
        try (InputStream in = IndustryClassification.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", 3))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1], (a, b) -> {
                        throw new IllegalArgumentException(resource + ": a key appears twice");
                    }, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

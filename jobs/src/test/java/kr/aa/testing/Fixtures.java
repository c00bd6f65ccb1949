package kr.aa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Test bundles under {@code jobs/src/test/resources/bundles/}, copied to a folder where a test may change them; read
 * from the source tree, so that the tests of every module find the same files.
 */
public final class Fixtures {

    /** The project's root folder, as the build gives it to the tests. */
    public static final Path ROOT = Path.of(System.getProperty("aa.root")).toAbsolutePath().normalize();

    /**
     * A name or an address as a statistician may find one in a registry: markup, template slots, paths, quotes,
     * an ampersand, a right-to-left override and 2,000 characters. Every output must show it as this text.
     */
    public static final String HOSTILE_TEXT = "<script>alert(\"x\")</script> {{title}} {{entries}} ../../etc/passwd"
            + " / 'q' \u202Eevil, & " + "가".repeat(2000);

    private Fixtures() {
    }

    /** A file or folder of the tests' resources. */
    public static Path resource(String path) {
        Path resource = ROOT.resolve("jobs/src/test/resources").resolve(path);
        if (!Files.exists(resource)) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        return resource;
    }

    /** Copies the CSV files of {@code bundles/<name>/} into {@code dir} and returns it. */
    public static Path bundle(String name, Path dir) {
        return copy(resource("bundles/" + name), dir, ".csv");
    }

    /**
     * Copies the files of {@code from} and of its folders whose names end in {@code ending} into {@code to}, in the
     * same folders, and returns it.
     */
    public static Path copy(Path from, Path to, String ending) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(ending)).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
            return Files.createDirectories(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first occurrence of {@code from} in a bundle file, failing when there is none. */
    public static void replace(Path dir, String file, String from, String to) {
        edit(dir, file, from, text -> {
            int at = text.indexOf(from);
            return text.substring(0, at) + to + text.substring(at + from.length());
        });
    }

    /** Replaces every occurrence of {@code from} in a bundle file, failing when there is none. */
    public static void replaceAll(Path dir, String file, String from, String to) {
        edit(dir, file, from, text -> text.replace(from, to));
    }

    private static void edit(Path dir, String file, String from, UnaryOperator<String> change) {
        try {
            Path path = dir.resolve(file);
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " has no '" + from + "'");
            }
            Files.writeString(path, change.apply(text), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every line of a bundle file that starts with {@code prefix}, failing when there is none. */
    public static void removeLines(Path dir, String file, String prefix) {
        edit(dir, file, prefix, text -> text.lines().filter(line -> !line.startsWith(prefix))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
    }

    public static void append(Path dir, String file, String lines) {
        try {
            Files.writeString(dir.resolve(file), lines, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

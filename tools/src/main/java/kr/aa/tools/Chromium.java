package kr.aa.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium, headless, as the screenshots and the browser test run it: without a sandbox (a container may
 * forbid one), a GPU, updates, sync or network of its own, in a profile folder of the caller's.
 */
public final class Chromium {

    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** Chromium headless in {@code profile}, with {@code arguments} after its own. */
    public static ProcessBuilder headless(Path profile, String... arguments) {
        List<String> command = new ArrayList<>(List.of(PATH.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }
}

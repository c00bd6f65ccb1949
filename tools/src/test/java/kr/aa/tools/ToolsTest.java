package kr.aa.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository's {@code ./aa}: the pipeline's commands and the tools', each with its help and exit codes. */
class ToolsTest {

    private static String[] ran(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Tools.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void theToolsCommandsHaveTheirHelpBesideThePipelinesCommands() {
        for (String command : List.of("demo", "generate", "bench")) {
            String[] help = ran(command, "--help");
            assertEquals("0", help[0], command);
            assertTrue(help[1].startsWith("Usage: aa " + command + " "), help[1]);
            assertTrue(help[1].contains("Exit codes:\n  0   the command succeeded\n"), help[1]);
        }
        String[] help = ran("--help");
        assertTrue(help[1].contains("""
                Commands:
                  cycle           Runs the annual cycle"""), help[1]);
        for (String command : List.of("record", "import-history", "demo", "generate", "bench")) {
            assertTrue(help[1].contains("\n  " + command + " "), help[1]);
        }
    }

    @Test
    void aMissingOptionOfAToolIsNamedWithItsUsage() {
        String[] run = ran("generate", "--year", "2025");
        assertEquals("2", run[0]);
        assertTrue(run[2].startsWith("Missing required options: '--employers=N', '--out=DIR'\nUsage: aa generate "),
                run[2]);
    }
}

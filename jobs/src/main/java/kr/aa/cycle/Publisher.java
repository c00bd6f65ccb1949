package kr.aa.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a finished run's work folder into place: each dataset's {@code reporting_year=Y} partition in the
 * warehouse and staging area, and {@code reports/Y/}; and writes the year into the compliance ledger. Only
 * that year is replaced; other years stay.
 */
final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final CycleRun run;

    Publisher(CycleRun run) {
        this.run = run;
    }

    private record Move(Path from, Path to) {
    }

    /**
     * Checks first that every target can be made, so that a blocked one fails before anything is written;
     * then writes the ledger (one transaction), then moves the folders.
     */
    void publish(Runnable writeLedger) {
        List<Move> moves = new ArrayList<>();
        moves.addAll(datasetMoves(run.workStaging(), run.stagingDir()));
        moves.addAll(datasetMoves(run.workWarehouse(), run.warehouseDir()));
        moves.add(new Move(run.workReports(), run.reportsDir()));
        moves.forEach(move -> Folders.checkCanMake(move.to()));
        writeLedger.run();
        moves.forEach(move -> Folders.replace(move.from(), move.to()));
        Folders.delete(run.workDir());
        log.info("published {} to {}", run.reportingYear(), run.outDir());
    }

    private List<Move> datasetMoves(Path workArea, Path area) {
        return list(workArea).stream()
                .map(dataset -> new Move(dataset, area.resolve(dataset.getFileName()).resolve(run.partition())))
                .toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

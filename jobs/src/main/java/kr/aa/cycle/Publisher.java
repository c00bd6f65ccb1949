package kr.aa.cycle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import kr.aa.io.Storage;
import kr.aa.run.CycleRun;
import kr.aa.run.Folders;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a finished run's work folder into place: each dataset's {@code reporting_year=Y} partition in the
 * warehouse and staging area (what the assessment read of the compliance ledger under {@code staging/ledger/}, so
 * that a what-if re-assesses the year from what it read), {@code reports/Y/} and {@code open-data/Y/}; and writes
 * the year into the compliance ledger. Only that year is replaced; other years stay. The moves are written first to
 * a journal in the work folder, once, so that a publication cut short (the process killed, the machine down) is
 * finished by the restart: it replays the journal, redoing the moves whose source is still in the work folder. The
 * staging area stays owner-only; the warehouse and the reports are made readable by all. Each move is a rename of
 * the output folder's file system ({@link Storage}).
 */
final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    private static final String JOURNAL = "publish.journal";

    private final CycleRun run;

    Publisher(CycleRun run) {
        this.run = run;
    }

    private record Move(Path from, Path to) {
    }

    /**
     * Plans the moves (or reads the plan of a publication cut short) and checks that every target can be made,
     * so that a blocked one fails before anything is written; then writes the ledger (one transaction, which
     * replaces the year), given where each folder of the work area is now, then moves the folders and sets their
     * permissions.
     */
    void publish(Consumer<UnaryOperator<Path>> writeLedger) {
        Path journal = new Path(run.workDir(), JOURNAL);
        if (!Storage.exists(journal)) {
            write(journal, plan());
        }
        List<Move> moves = read(journal);
        moves.forEach(move -> Folders.checkCanMake(move.to()));
        // what the ledger reads of the work folder may have been moved already by a publication cut short
        writeLedger.accept(folder -> moves.stream().filter(m -> m.from().equals(folder) && !Storage.exists(folder))
                .map(Move::to).findFirst().orElse(folder));
        log.info("{} written into the ledger; moving {} folders into place", run.reportingYear(), moves.size());
        Folders.createPrivate(run.stagingDir());
        Folders.createPublic(run.warehouseDir());
        Folders.createPublic(run.reportsDir().getParent());
        Folders.createPublic(run.openDataDir().getParent());
        for (Move move : moves) {
            boolean published = !move.to().toString().startsWith(run.stagingDir() + "/");
            if (published) {
                Folders.createPublic(move.to().getParent());
            }
            if (Storage.exists(move.from())) {
                Folders.replace(move.from(), move.to());
                log.info("moved {} into place", move.to().toString().substring(run.outDir().toString().length() + 1));
            } else {
                // moved before the publication was cut short, perhaps with the old folder still aside
                Folders.finishReplace(move.to());
            }
            if (published) {
                Folders.makePublic(move.to());
            }
        }
        Folders.createPrivate(run.stagingDir());
        // the journal goes last: a restart that finds the work folder without it has nothing left to move
        for (Path leftover : Storage.list(run.workDir())) {
            if (!leftover.equals(journal)) {
                Folders.delete(leftover);
            }
        }
        Folders.delete(run.workDir());
        log.info("published {} to {}", run.reportingYear(), run.outDir());
    }

    private List<Move> plan() {
        List<Move> moves = new ArrayList<>();
        moves.addAll(datasetMoves(run.workStaging(), run.stagingDir()));
        moves.addAll(datasetMoves(run.workLedger(), run.stagedLedgerDir()));
        moves.addAll(datasetMoves(run.workWarehouse(), run.warehouseDir()));
        moves.add(new Move(run.workReports(), run.reportsDir()));
        moves.add(new Move(run.workOpenData(), run.openDataDir()));
        return moves;
    }

    private List<Move> datasetMoves(Path workArea, Path area) {
        return Storage.list(workArea).stream()
                .map(dataset -> new Move(dataset, new Path(new Path(area, dataset.getName()), run.partition())))
                .toList();
    }

    /** The journal: one move a line, source and target separated by a tab, written whole or not at all. */
    private static void write(Path journal, List<Move> moves) {
        StringBuilder text = new StringBuilder();
        moves.forEach(move -> text.append(move.from()).append('\t').append(move.to()).append('\n'));
        Path written = new Path(journal.getParent(), JOURNAL + ".new");
        Storage.writeString(written, text);
        Storage.rename(written, journal);
    }

    private static List<Move> read(Path journal) {
        return Storage.readString(journal).lines()
                .map(line -> line.split("\t"))
                .map(fields -> new Move(new Path(fields[0]), new Path(fields[1])))
                .toList();
    }
}

package jp.nakano.planreview.receipts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jp.nakano.planreview.common.FiscalYear;

/**
 * The tallies of the partitions of one run while the partitions run in parallel: each partition adds its
 * own, and the step after them takes the whole, in file order, once every partition has finished. Only the
 * sums ever reach the database.
 */
public final class ReceiptTotals {

    /** The tallies of one run. */
    static final class Run {

        private final Map<Integer, ProcedureIndex> procedures = new ConcurrentHashMap<>();

        /** Per log, its parts' tallies by part number. */
        private final Map<String, TreeMap<Integer, ReceiptTally>> parts = new TreeMap<>();

        private final Map<String, ReceiptLog> logs = new TreeMap<>();

        synchronized void add(ReceiptLog log, int part, ReceiptTally tally) {
            logs.put(log.name(), log);
            parts.computeIfAbsent(log.name(), n -> new TreeMap<>()).put(part, tally);
        }

        ProcedureIndex procedures(FiscalYear year, Function<FiscalYear, List<String>> ids) {
            return procedures.computeIfAbsent(year.year(), y -> new ProcedureIndex(ids.apply(year)));
        }

        /** Each log with its parts added up in file order, line numbers those of the file; by log name. */
        synchronized List<Counted> files() {
            List<Counted> files = new ArrayList<>();
            parts.forEach((name, byPart) -> {
                ReceiptLog log = logs.get(name);
                ProcedureIndex index = procedures.get(log.fiscalYear().year());
                ReceiptTally file = null;
                long offset = 1; // the header is line 1
                for (ReceiptTally part : byPart.values()) {
                    if (file == null) {
                        file = new ReceiptTally(part.procedures(), part.keep());
                    }
                    file.add(part, offset);
                    offset += part.lines();
                }
                files.add(new Counted(log, index, file));
            });
            return files;
        }

    }

    /** A whole log's tally, with the procedures its indexes refer to. */
    record Counted(ReceiptLog log, ProcedureIndex procedures, ReceiptTally tally) {
    }

    private final Map<Long, Run> runs = new ConcurrentHashMap<>();

    Run run(long runId) {
        return runs.computeIfAbsent(runId, id -> new Run());
    }

    /** Takes the run's tallies out: the run is done with them. */
    Run take(long runId) {
        Run run = runs.remove(runId);
        return run == null ? new Run() : run;
    }

}

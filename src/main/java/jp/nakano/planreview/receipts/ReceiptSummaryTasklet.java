package jp.nakano.planreview.receipts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.nakano.planreview.common.Decimals;
import jp.nakano.planreview.common.FiscalYear;
import jp.nakano.planreview.eprocedure.FigureColumns;
import jp.nakano.planreview.eprocedure.FigureQueries;
import jp.nakano.planreview.findings.Finding;
import jp.nakano.planreview.findings.FindingRecorder;
import jp.nakano.planreview.findings.Severity;

/**
 * After every partition has counted: stores each log's counts and each year's sums per procedure and month,
 * reports the rejected lines per file and reason (with the first few line numbers), reconciles the sums with
 * the entered figures and, if so configured, puts the counts in their place ({@link FiguresSource}).
 */
public class ReceiptSummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReceiptSummaryTasklet.class);

    private final JdbcTemplate jdbc;

    private final ReceiptTotals totals;

    private final FindingRecorder findings;

    private final LongSupplier runId;

    private final FiguresSource used;

    /** The run's e-procedure rows in columns (the procedure rows are not stored: issue 16). */
    private final LongFunction<FigureColumns> figures;

    public ReceiptSummaryTasklet(JdbcTemplate jdbc, ReceiptTotals totals, FindingRecorder findings, LongSupplier runId,
            FiguresSource used, LongFunction<FigureColumns> figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.totals = totals;
        this.findings = findings;
        this.runId = runId;
        this.used = used;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long run = runId.getAsLong();
        List<ReceiptTotals.Counted> files = totals.take(run).files();
        Map<Integer, ReceiptTotals.Counted> years = new TreeMap<>();
        // one batch per table for all the logs: a statement per log was a measurable part of the step
        jdbc.batchUpdate("""
                INSERT INTO in_receipt_file (run_id, fiscal_year, file_name, encoding, size_bytes, lines_read,
                    rows_read, rows_counted, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                files.stream().map(f -> new Object[] { run, f.log().fiscalYear().year(), f.log().name(),
                        f.log().encoding().label(), f.log().size(), f.tally().lines() + 1, f.tally().rows(),
                        f.tally().counted(), f.tally().rejectedRows() }).toList());
        jdbc.batchUpdate("""
                INSERT INTO run_input_file (run_id, file_name, encoding, size_bytes, rows_read, rows_loaded,
                    rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                files.stream().map(f -> new Object[] { run, f.log().name(),
                        f.log().encoding().label() + (f.log().gzip() ? " gzip" : ""), f.log().size(), f.tally().rows(),
                        f.tally().counted(), f.tally().rejectedRows() }).toList());
        for (ReceiptTotals.Counted file : files) {
            ReceiptLog receiptLog = file.log();
            ReceiptTally tally = file.tally();
            log.info(String.format("countReceiptsStep          %-24s read %7d, counted %7d, rejected %4d", receiptLog.name(),
                    tally.rows(), tally.counted(), tally.rejectedRows()));
            tally.rejected().forEach((reason, rejected) -> findings.add(rejectedFinding(receiptLog.name(), reason, rejected)));
            years.merge(receiptLog.fiscalYear().year(), file, (a, b) -> {
                ReceiptTally sum = new ReceiptTally(a.tally().procedures(), 0);
                sum.add(a.tally(), 0);
                sum.add(b.tally(), 0);
                return new ReceiptTotals.Counted(a.log(), a.procedures(), sum);
            });
            contribution.incrementWriteCount(tally.counted());
        }
        years.forEach((year, counted) -> store(run, FiscalYear.of(year), counted.procedures(), counted.tally()));
        return RepeatStatus.FINISHED;
    }

    /** One finding per file and reason: how many lines, the first of them, the value and the raw line. */
    static Finding rejectedFinding(String file, Rejection reason, ReceiptTally.Rejected rejected) {
        long[] lines = rejected.firstLines();
        String listed = Arrays.stream(lines).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String message = reason.reason() + ": " + Decimals.grouped(BigDecimal.valueOf(rejected.count()), 0)
                + " 行を数えなかった（行 " + listed + (rejected.count() > lines.length ? " ほか" : "") + "）";
        return new Finding(Severity.ERROR, reason.code(), file, lines.length == 0 ? null : lines[0], reason.field(),
                rejected.firstValue(), message, rejected.firstRaw());
    }

    private void store(long run, FiscalYear year, ProcedureIndex procedures, ReceiptTally tally) {
        List<Object[]> rows = new ArrayList<>();
        List<Reconciliation.Counted> counted = new ArrayList<>();
        YearMonth first = YearMonth.from(year.firstDay());
        for (int p = 0; p < procedures.size(); p++) {
            long online = 0;
            long total = 0;
            for (int m = 0; m < ReceiptTally.MONTHS; m++) {
                long[] byChannel = new long[ReceiptTally.CHANNELS];
                long all = 0;
                for (Channel c : Channel.values()) {
                    byChannel[c.ordinal()] = tally.count(p, m, c);
                    all += byChannel[c.ordinal()];
                }
                if (all > 0) {
                    rows.add(new Object[] { run, year.year(), procedures.id(p), first.plusMonths(m).toString(),
                            byChannel[0], byChannel[1], byChannel[2], byChannel[3] });
                }
                online += byChannel[Channel.ONLINE.ordinal()];
                total += all;
            }
            if (total > 0) {
                counted.add(new Reconciliation.Counted(procedures.id(p), online, total));
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO in_receipt_count (run_id, fiscal_year, procedure_id, received_month, online_count,
                    counter_count, mail_count, other_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        // each row_id's first row by line (ward totals and rows left out aside) as entered
        FigureColumns columns = figures.apply(run);
        Map<String, Reconciliation.Entered> entered = new HashMap<>();
        new FigureQueries(columns).firstRowOfEachId(year.year()).forEach((id, i) -> entered.put(id,
                new Reconciliation.Entered(id, columns.name(i), columns.count(FigureColumns.Count.ONLINE, i),
                        columns.count(FigureColumns.Count.TOTAL, i), columns.line(i))));
        Reconciliation.findings(year, counted, entered, used).forEach(findings::add);
        if (used == FiguresSource.RECEIPTS) {
            // the rows the database stores (all but the procedure rows), then the columns every later step reads
            jdbc.batchUpdate("""
                    UPDATE in_eprocedure_figure SET online_receipts = ?, total_receipts = ?
                    WHERE run_id = ? AND fiscal_year = ? AND row_id = ? AND excluded = FALSE""",
                    counted.stream().map(c -> new Object[] { BigDecimal.valueOf(c.online()), BigDecimal.valueOf(c.total()),
                            run, year.year(), c.procedureId() }).toList());
            for (Reconciliation.Counted c : counted) {
                for (int i = columns.first(year.year(), c.procedureId()); i >= 0; i = columns.nextWithSameKey(i)) {
                    if (!columns.excluded(i)) {
                        columns.replaceReceipts(i, BigDecimal.valueOf(c.online()), BigDecimal.valueOf(c.total()));
                    }
                }
            }
        }
    }

}

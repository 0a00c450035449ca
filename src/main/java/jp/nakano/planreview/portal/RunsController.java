package jp.nakano.planreview.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import jp.nakano.planreview.audit.RunManifest;
import jp.nakano.planreview.audit.RunVerifier;
import jp.nakano.planreview.report.FindingListing;

/** The pages about runs: the years, the runs of a year, and one run with its verification (auditors). */
@Controller
@Profile(PortalApplication.PROFILE)
class RunsController {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OutputFolder output;

    RunsController(OutputFolder output) {
        this.output = output;
    }

    /** 年度の一覧: every year with its latest run. */
    @GetMapping("/")
    String years(Model model) throws IOException {
        List<RunView> latest = new ArrayList<>();
        for (int year : output.years()) {
            output.latest(year).map(run -> RunView.of(run, output)).ifPresent(latest::add);
        }
        model.addAttribute("years", output.years());
        model.addAttribute("latest", latest);
        return "years";
    }

    /** 実行一覧: the runs of a year, newest first, with their files. */
    @GetMapping("/fy/{year}")
    String runs(@PathVariable String year, Model model) throws IOException {
        int fy = year(year);
        List<RunView> runs = output.runs(fy).stream().map(run -> RunView.of(run, output)).toList();
        if (runs.isEmpty() && !output.years().contains(fy)) {
            throw notFound();
        }
        model.addAttribute("year", fy);
        model.addAttribute("runs", runs);
        return "runs";
    }

    /** 実行の詳細: parameters, inputs, findings, steps and the verification of the run's files. */
    @GetMapping("/fy/{year}/runs/{runId}")
    String run(@PathVariable String year, @PathVariable String runId, Model model) throws IOException {
        OutputFolder.Run run = output.run(year(year), runId).orElseThrow(RunsController::notFound);
        model.addAttribute("year", run.year());
        model.addAttribute("run", RunView.of(run, output));
        model.addAttribute("manifest", run.manifest());
        List<Map<String, String>> findings = List.of();
        long findingsAll = 0;
        String findingsPartial = null;
        String findingsProblem = null;
        Optional<java.nio.file.Path> findingsFile = output.file(run, Downloads.FINDINGS);
        try {
            if (findingsFile.isPresent() && !output.intact(run, Downloads.FINDINGS)) {
                findingsProblem = Downloads.FINDINGS + " は manifest.json の記録と一致しないため表示しません。";
            }
            else if (findingsFile.isPresent()) {
                // the first findings, as the reports list them: a run may have one on each of a million rows
                CsvTable.First first = CsvTable.read(findingsFile.get(), FindingListing.MAX_LISTED);
                findings = first.rows();
                findingsAll = first.all();
                if (first.all() > first.rows().size()) {
                    findingsPartial = FindingListing.partial(first.all(), first.rows().size()) + "（上の「ファイル」から）。";
                }
            }
        }
        catch (IOException | RuntimeException ex) {
            // a damaged file must not take the page with it: the rest of the run is still worth seeing
            findingsProblem = Downloads.FINDINGS + " を読めません（" + ex.getClass().getSimpleName() + "）。";
        }
        model.addAttribute("findings", findings);
        model.addAttribute("findingsAll", findingsAll);
        model.addAttribute("findingsPartial", findingsPartial);
        model.addAttribute("findingsProblem", findingsProblem);
        RunVerifier.Verification verification = null;
        String verificationProblem = null;
        if (run.manifest() != null) {
            try {
                verification = new RunVerifier().verify(run.folder(), run.manifest(), null);
            }
            catch (IOException | RuntimeException ex) {
                verificationProblem = "検査できませんでした（" + ex.getClass().getSimpleName() + "）。";
            }
        }
        model.addAttribute("verification", verification);
        model.addAttribute("verificationProblem", verificationProblem);
        model.addAttribute("steps", run.manifest() == null ? List.of()
                : run.manifest().steps().stream().map(StepView::of).toList());
        return "run";
    }

    /** The year of a path: four digits, anything else is a page that does not exist. */
    static int year(String text) {
        if (!text.matches("\\d{4}")) {
            throw notFound();
        }
        return Integer.parseInt(text);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static String time(OffsetDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }

    static String seconds(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? "-"
                : String.format("%.1f 秒", Duration.between(from, to).toMillis() / 1000.0);
    }

    /** A run as the pages show it. */
    record RunView(int year, String runId, boolean latest, boolean readable, String status, String started,
            String duration, long errors, long warnings, long infos, List<FileView> files) {

        /** The run with each file marked as still the run's own or not ({@link OutputFolder#intact}). */
        static RunView of(OutputFolder.Run run, OutputFolder output) {
            RunManifest m = run.manifest();
            if (m == null) {
                return new RunView(run.year(), run.runId(), run.latest(), false, "manifest.json を読めません", "-", "-",
                        0, 0, 0, List.of());
            }
            List<FileView> files = new ArrayList<>();
            m.outputFiles().stream().filter(f -> !f.path().contains("/"))
                .map(f -> FileView.of(f.path(), f.size(), m.plans(), intact(output, run, f.path())))
                .forEach(files::add);
            files.add(FileView.of(RunManifest.FILE_NAME, sizeOf(run), m.plans(), true));
            files.sort(java.util.Comparator.comparingInt((FileView f) -> Downloads.rank(f.name())).thenComparing(FileView::name));
            RunManifest.FindingCounts c = m.findings();
            return new RunView(run.year(), run.runId(), run.latest(), true, statusWord(m.exitStatus()),
                    time(m.started()), seconds(m.started(), m.finished()), c == null ? 0 : c.error(),
                    c == null ? 0 : c.warning(), c == null ? 0 : c.info(), files);
        }

        private static boolean intact(OutputFolder output, OutputFolder.Run run, String name) {
            try {
                return output.intact(run, name);
            }
            catch (IOException | RuntimeException ex) {
                return false;
            }
        }

        private static long sizeOf(OutputFolder.Run run) {
            try {
                return Files.size(run.folder().resolve(RunManifest.FILE_NAME));
            }
            catch (IOException ex) {
                return 0;
            }
        }

        static String statusWord(String exitStatus) {
            if ("COMPLETED".equals(exitStatus)) {
                return "完了";
            }
            if ("COMPLETED_WITH_ERRORS".equals(exitStatus)) {
                return "完了（除外した行あり）";
            }
            return exitStatus == null ? "-" : exitStatus;
        }

    }

    /**
     * A file of a run: its name, what it is, its size, whether only auditors may download it, and whether it is
     * still the file the run wrote (a changed one is shown, marked, and not offered for download).
     */
    record FileView(String name, String label, String kind, String size, boolean auditorOnly, boolean intact) {

        static FileView of(String name, long size, Map<String, String> plans, boolean intact) {
            return new FileView(name, Downloads.label(name, plans), Downloads.kind(name),
                    String.format("%,d KB", Math.max(1, (size + 1023) / 1024)), Downloads.auditorOnly(name), intact);
        }

    }

    /** A step's counts as the run page shows them. */
    record StepView(String name, String status, long read, long written, long skipped, long commits,
            String duration) {

        static StepView of(RunManifest.Step s) {
            return new StepView(s.name(), s.status(), s.read(), s.written(), s.skipped(), s.commits(),
                    seconds(s.started(), s.finished()));
        }

    }

}

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an ILLUSTRATIVE SAMPLE input folder for the streaming benchmark: the bundled plan files as they
 * are, and an eprocedure-figures.csv with a chosen number of invented procedure rows (1,000 rows a system: the
 * system row and 999 procedures; every 50th system from the 7th and from the 23rd does not add up, on purpose).
 * Never copy its output into input/: the figures are made up.
 *
 * <p>Usage: {@code java bench/SampleInputGenerator.java <target-dir> <rows>}
 */
public class SampleInputGenerator {

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        Files.createDirectories(target);
        try (var files = Files.list(Path.of("input"))) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("eprocedure-figures.csv")) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        int perSystem = 1000;
        long systems = Math.max(1, rows / perSystem);
        try (BufferedWriter out = Files.newBufferedWriter(target.resolve("eprocedure-figures.csv"), StandardCharsets.UTF_8)) {
            out.write("fiscal_year,row_id,level,parent_id,seq,name,procedure_count,online_receipts,total_receipts,source\n");
            for (long s = 1; s <= systems; s++) {
                long online = 0;
                long total = 0;
                StringBuilder procedures = new StringBuilder();
                for (int p = 1; p < perSystem; p++) {
                    long all = 100 + (s * 31 + p * 17) % 9000;
                    long on = all * ((s + p) % 101) / 100;
                    online += on;
                    total += all;
                    // every 50th system from the 23rd lists its last row as the remainder (上記以外): a complete listing
                    boolean remainder = s % 50 == 23 && p == perSystem - 1;
                    procedures.append("2023,s").append(s).append("-p").append(p)
                        .append(remainder ? ",other,s" : ",procedure,s").append(s).append(',').append(p)
                        .append(remainder ? ",SAMPLE 上記以外" : ",SAMPLE procedure ").append(remainder ? "" : p).append(",,").append(on)
                        .append(',').append(all).append(",SAMPLE (invented for the benchmark)\n");
                }
                // a few systems whose rows do not add up, so that the sub-row check (checkUtilisationStep) has
                // something to find: every 50th from the 7th enters too few 電子受付件数 (its partial listing exceeds
                // it), every 50th from the 23rd one 全受付件数 too many (its complete listing falls short)
                long systemOnline = s % 50 == 7 ? online - s : online;
                long systemTotal = s % 50 == 23 ? total + 1 : total;
                out.write("2023,s" + s + ",system,," + s + ",SAMPLE system " + s + "," + (perSystem - 1) + "," + systemOnline
                        + "," + systemTotal + ",SAMPLE (invented for the benchmark)\n");
                out.write(procedures.toString());
            }
        }
        System.out.println("wrote " + systems * perSystem + " e-procedure rows to " + target);
    }

}

package org.onewindow.bench.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onewindow.licences.LicenceImportDTO;
import org.onewindow.licences.LicenceService;
import org.onewindow.licences.NewLicenceDTO;
import org.onewindow.licences.Purpose;
import org.onewindow.security.Actor;
import org.onewindow.shell.ShellActor;

/**
 * {@code onewindow:bench-licences}: loads synthetic licences through the library's own bulk import
 * (validation, duplicate check and all), then times holders' lookups as the window makes them: the
 * personal catalog (with its access log entry) and intake's reuse check. Numbers carry a run prefix,
 * so runs add up; a bench aid, never installed in a hall.
 */
@Command(scope = "onewindow", name = "bench-licences", description = "Times licence bulk import and holder lookups over many synthetic licences")
@Service
public class LicenceBenchCommand implements Action {
    private static final String[] TYPES = {"RESIDENT_ID_CARD", "HOUSEHOLD_REGISTER", "SOCIAL_SECURITY_CARD", "MARRIAGE_CERT",
        "DRIVING_LICENCE"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Option(name = "-n", aliases = "--licences", description = "Synthetic licences to import")
    int licences = 1_000_000;

    @Option(name = "--per-holder", description = "Licences per holder (one of each type, up to 5)")
    int perHolder = 5;

    @Option(name = "--chunk", description = "Licences per import file (one transaction each)")
    int chunk = 50_000;

    @Option(name = "--lookups", description = "Timed lookups of each kind")
    int lookups = 5_000;

    @Reference
    LicenceService library;

    @Reference
    Session session;

    @Override
    public Object execute() {
        Actor actor = ShellActor.of(session);
        String run = "B" + Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase() + "-";
        int per = Math.max(1, Math.min(perHolder, TYPES.length));
        int holders = (licences + per - 1) / per;
        long t0 = System.nanoTime();
        long inside = 0;
        for (int from = 0; from < licences; from += chunk) {
            List<NewLicenceDTO> rows = new ArrayList<>();
            for (int i = from; i < Math.min(licences, from + chunk); i++) {
                rows.add(row(run, i, per));
            }
            LicenceImportDTO done = library.importLicences(rows, actor);
            inside += done.millis;
            if (from == 0 || from + chunk >= licences) {
                System.out.printf("  import up to %,d: %d rows in %d ms (%.0f licences/s)%n", from + rows.size(), done.imported,
                        done.millis, done.imported * 1000.0 / Math.max(1, done.millis));
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("import: %,d licences for %,d holders in %.1f s = %.0f licences/s (%.0f/s inside the service)%n",
                licences, holders, seconds, licences / seconds, licences * 1000.0 / Math.max(1, inside));

        Random random = new Random(11);
        Purpose why = Purpose.of(null, "benchmark");
        List<String> wanted = Arrays.asList(TYPES[0], TYPES[1], TYPES[3]);
        // twice: the first round may still meet the database writing out the import
        for (int round = 1; round <= 2; round++) {
            time("round " + round + " personal catalog (GET /licences)", random, holders, h -> library.personalCatalog(h, why, actor));
            time("round " + round + " reuse check at intake (usable)", random, holders,
                    h -> library.usable(h, wanted, "BENCH-CASE", actor));
        }
        return null;
    }

    private void time(String what, Random random, int holders, java.util.function.Consumer<String> lookup) {
        int warm = Math.min(500, lookups);
        for (int i = 0; i < warm; i++) {
            lookup.accept(holder(random.nextInt(holders)));
        }
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            String h = holder(random.nextInt(holders));
            long t = System.nanoTime();
            lookup.accept(h);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-44s %d lookups: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, lookups,
                nanos[lookups / 2] / 1e6, nanos[lookups * 9 / 10] / 1e6, nanos[lookups * 99 / 100] / 1e6, nanos[lookups - 1] / 1e6);
    }

    private static NewLicenceDTO row(String run, int i, int per) {
        int holder = i / per;
        int kind = i % per;
        NewLicenceDTO l = new NewLicenceDTO();
        l.type = TYPES[kind];
        l.number = run + i;
        l.holderId = holder(holder);
        l.holderName = "持证人" + holder;
        l.issuerCode = "HIST";
        l.issuerName = "历史数据";
        LocalDate issued = LocalDate.of(2005, 1, 1).plusDays(i % 7000);
        l.issuedOn = issued.toString();
        // a tenth already expired, so that lookups judge validity and not just read rows
        l.validTo = i % 10 == 0 ? issued.plusYears(1).toString() : null;
        return l;
    }

    /** A valid resident ID number for holder {@code n}: distinct birth days and sequence numbers, and the check digit. */
    static String holder(int n) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        String body = String.format("110101%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                (n / 20_000) % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}

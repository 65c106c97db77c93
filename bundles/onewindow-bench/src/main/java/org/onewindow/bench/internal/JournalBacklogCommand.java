package org.onewindow.bench.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.db.ChangeJournal;
import org.onewindow.node.NodeService;
import org.onewindow.rest.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code onewindow:bench-journal}: a day's backlog for the replication benchmark: synthetic case
 * records, shaped and sized like real ones (applicant, materials, a history of four steps), appended
 * to this district's change journal as intake would, in transactions of 1,000.
 */
@Command(scope = "onewindow", name = "bench-journal", description = "Appends synthetic case records to the change journal (a replication backlog)")
@Service
public class JournalBacklogCommand implements Action {

    @Reference(filter = "(osgi.jndi.service.name=onewindow)")
    DataSource dataSource;

    @Reference
    ChangeJournal journal;

    @Reference
    NodeService node;

    @Option(name = "-n", aliases = "--cases", description = "How many case records")
    int cases = 50_000;

    @Override
    public Object execute() throws Exception {
        String district = node.info().districtCode;
        long started = System.nanoTime();
        int bytes = 0;
        for (int from = 0; from < cases; from += 1000) {
            List<Map.Entry<String, String>> chunk = new ArrayList<>();
            for (int n = from; n < Math.min(cases, from + 1000); n++) {
                String caseNo = String.format("%s-20991231-%06d", district, n + 1);
                String payload = record(caseNo, n);
                bytes += payload.length();
                chunk.add(Map.entry(caseNo, payload));
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                journal.appendAll(c, "CASE", chunk);
                c.commit();
            }
        }
        System.out.printf("%d case records journaled in %.1f s (%.0f bytes each on average); journal now ends at #%d%n", cases,
                (System.nanoTime() - started) / 1e9, bytes / (double) cases, journal.lastSeq());
        return null;
    }

    private static String record(String caseNo, int n) {
        String at = Instant.now().toString();
        ObjectNode c = Json.mapper().createObjectNode().put("caseNo", caseNo).put("itemCode", "RS-SB-00" + (n % 5))
                .put("itemVersion", 1).put("itemName", "城乡居民基本养老保险参保登记").put("departmentCode", "RS" + (n % 7))
                .put("departmentName", "区人力资源和社会保障局").put("timeLimitDays", 5).put("channel", n % 10 == 0 ? "ONLINE" : "WINDOW")
                .put("status", "IN_REVIEW").put("visits", 1).put("createdAt", at).put("createdBy", "clerk").put("route", "LOCAL");
        c.putObject("applicant").put("idType", "RESIDENT_ID").put("idNumber", "441302199003071238").put("name", "张三")
                .put("phone", "13800000000");
        c.putObject("timeLimit").put("acceptedOn", LocalDate.now().toString()).put("deadline", LocalDate.now().plusDays(7).toString())
                .put("workingDaysLeft", 5);
        ArrayNode materials = c.putArray("materials");
        for (String code : new String[] {"M01", "M02", "M03"}) {
            materials.addObject().put("code", code).put("received", true).put("source", "WINDOW");
        }
        ArrayNode history = c.putArray("history");
        // statuses a case really passes, so that a restored district can take these records back as cases
        String[][] steps = {{null, "DRAFT", "收件"}, {"DRAFT", "ACCEPTED", "受理，材料齐全"}, {"ACCEPTED", "IN_REVIEW", "已送交区人力资源和社会保障局"},
            {"IN_REVIEW", "IN_REVIEW", "部门已接收，进入审查"}};
        for (String[] step : steps) {
            history.addObject().put("at", at).put("by", "clerk").put("from", step[0]).put("to", step[1]).put("note", step[2]);
        }
        return c.toString();
    }
}

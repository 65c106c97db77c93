package org.onewindow.bench.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onewindow.db.ChangeJournal;
import org.onewindow.db.JournalEntry;
import org.onewindow.node.NodeService;
import org.onewindow.replication.BatchDTO;
import org.onewindow.replication.RecordDTO;
import org.onewindow.rest.Json;

/**
 * {@code onewindow:bench-post}: the replication batches of this district's journal, built as the
 * shipper builds them, posted one after the other to a handler that only discards them: the
 * ceiling of HTTP alone that the hub's applied rate is compared with.
 */
@Command(scope = "onewindow", name = "bench-post", description = "Posts this district's journal in replication batches to a discarding URL and prints the rate")
@Service
public class RawPostCommand implements Action {

    @Reference
    ChangeJournal journal;

    @Reference
    NodeService node;

    @Option(name = "--url", required = true, description = "Where to post, e.g. http://localhost:8181/api/v1/bench/discard")
    String url;

    @Option(name = "-b", aliases = "--batch", description = "Records per batch (as the replication's batchSize)")
    int batchSize = 500;

    @Override
    public Object execute() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long after = 0;
        long records = 0;
        long bytes = 0;
        long started = System.nanoTime();
        while (true) {
            List<JournalEntry> entries = journal.after(after, batchSize);
            if (entries.isEmpty()) {
                break;
            }
            BatchDTO batch = new BatchDTO();
            batch.district = node.info().districtCode;
            batch.version = node.info().version;
            batch.journalLastSeq = journal.lastSeq();
            batch.records = entries.stream().map(e -> RecordDTO.of(e.seq, e.kind, e.key, e.writtenAt, e.payload)).collect(Collectors.toList());
            byte[] body = Json.bytes(batch);
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            records += entries.size();
            bytes += body.length;
            after = entries.get(entries.size() - 1).seq;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("raw POST of %d records in batches of %d (%.1f MB): %.1f s, %.0f records/s%n", records, batchSize, bytes / 1e6,
                seconds, records / seconds);
        return null;
    }
}

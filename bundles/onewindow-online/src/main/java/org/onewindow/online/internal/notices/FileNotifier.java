package org.onewindow.online.internal.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.onewindow.db.PrivateFiles;
import org.onewindow.citizen.IdNumbers;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.Notifier;
import org.onewindow.online.internal.common.Mobiles;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's notifier: each notice is a JSON line of {@code data/onewindow/notices/notices.jsonl},
 * where an SMS gateway's adapter or an operator can pick it up; the log names kind and masked
 * recipient only, never the text (a sign-in code must not reach the logs). The file holds codes and
 * ID numbers: it is readable by the appliance's user only (0600, its folder 0700).
 */
@Component(service = Notifier.class, property = "channel=file")
public class FileNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(FileNotifier.class);

    private final Path file = Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "notices", "notices.jsonl");
    private volatile boolean restricted;

    /**
     * Takes no lock of its own: each notice is one write to the file opened for appending, which the
     * kernel puts at the file's end whole, whoever else writes. A booking rush sends hundreds of notices
     * a second, and a lock over the append queued every request behind it (issue 21).
     */
    @Override
    public void send(NoticeDTO notice) {
        byte[] line = (Json.write(notice) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (!restricted) {
                restrictOnce();
            }
            PrivateFiles.append(file, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Notice {} to {} ({}) written to {}", notice.kind, Mobiles.mask(notice.mobile), IdNumbers.mask(notice.idNumber), file);
    }

    /** A file an older version wrote with the default permissions is closed once. */
    private synchronized void restrictOnce() throws IOException {
        if (!restricted) {
            PrivateFiles.restrict(file);
            restricted = true;
        }
    }
}

package org.onewindow.online.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.online.NoticeDTO;
import org.onewindow.online.Notifier;
import org.onewindow.rest.Json;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's notifier: each notice is a JSON line of {@code data/onewindow/notices/notices.jsonl},
 * where an SMS gateway's adapter or an operator can pick it up; the log names kind and masked
 * recipient only, never the text (a sign-in code must not reach the logs).
 */
@Component(service = Notifier.class, property = "channel=file")
public class FileNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(FileNotifier.class);

    private final Path file = Paths.get(System.getProperty("karaf.data", "data"), "onewindow", "notices", "notices.jsonl");

    @Override
    public synchronized void send(NoticeDTO notice) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (Json.write(notice) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("Notice {} to {} ({}) written to {}", notice.kind, Mobiles.mask(notice.mobile), IdNumbers.mask(notice.idNumber), file);
    }
}

package org.onewindow.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MediaType;

import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of its own for each multipart request, removed with everything in it when the request
 * ends, whatever the outcome: stored, refused by size, type or login, or left by the client. CXF
 * keeps every part but the last of a multipart body in a temporary file until its stream is closed,
 * which a refused upload never does; those files (citizens' papers) stayed in {@code data/tmp}
 * until the JVM stopped. The folder is made {@code 0700} by the JDK; CXF's files in it {@code 0600}.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class UploadFolders implements ContainerRequestFilter, ContainerResponseFilter {
    /** CXF's message property naming where the parts of a multipart body are cached. */
    static final String ATTACHMENT_DIRECTORY = "attachment-directory";
    static final String PREFIX = "ow-upload-";
    private static final Logger LOG = LoggerFactory.getLogger(UploadFolders.class);

    private final Path base;

    UploadFolders(Path base) {
        this.base = base;
    }

    /** Under the JVM's temporary folder ({@code data/tmp} in the appliance). */
    static UploadFolders inTemporaryFolder() {
        return new UploadFolders(Paths.get(System.getProperty("java.io.tmpdir")));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())) {
            return;
        }
        Message message = inMessage();
        if (message == null) {
            return;
        }
        try {
            Files.createDirectories(base);
            // a property of the message itself (not of the JAX-RS request context, which CXF keeps apart): CXF's
            // attachment deserializer reads it from there for every part it caches
            message.put(ATTACHMENT_DIRECTORY, Files.createTempDirectory(base, PREFIX).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Message message = inMessage();
        Object folder = message == null ? null : message.get(ATTACHMENT_DIRECTORY);
        if (folder instanceof java.io.File) {
            message.remove(ATTACHMENT_DIRECTORY);
            remove(((java.io.File) folder).toPath());
        }
    }

    /** The request's CXF message, or null outside a CXF invocation (a unit test). */
    private static Message inMessage() {
        Message current = JAXRSUtils.getCurrentMessage();
        if (current == null) {
            return null;
        }
        return current.getExchange() != null && current.getExchange().getInMessage() != null ? current.getExchange().getInMessage() : current;
    }

    /** Removes leftovers of requests a crash interrupted. */
    void sweep() {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> folders = Files.list(base)) {
            folders.filter(p -> p.getFileName().toString().startsWith(PREFIX)).forEach(UploadFolders::remove);
        } catch (IOException e) {
            LOG.warn("Cannot list {}: {}", base, e.toString());
        }
    }

    static void remove(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot remove {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot remove {}: {}", folder, e.toString());
        }
    }
}

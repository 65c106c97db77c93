package org.onewindow.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class UploadFoldersTest {

    @Test
    public void aCrashsLeftoversAreSweptAndOthersLeftAlone() throws IOException {
        Path tmp = Files.createTempDirectory("tmp");
        Path left = Files.createDirectories(tmp.resolve(UploadFolders.PREFIX + "123"));
        Files.writeString(left.resolve("cos1.tmp"), "a citizen's paper");
        Path other = Files.createDirectories(tmp.resolve("cxf-tmp-9"));
        new UploadFolders(tmp).sweep();
        assertFalse(Files.exists(left));
        assertTrue(Files.exists(other));
        try (Stream<Path> all = Files.list(tmp)) {
            assertEquals(1, all.count());
        }
    }

    @Test
    public void clientMistakesAreNotLoggedWithStackTraces() {
        QuietFaults quiet = new QuietFaults();
        assertFalse(quiet.faultOccurred(new RuntimeException(Problem.badRequest("X", "bad")), "", null));
        assertFalse(quiet.faultOccurred(new javax.ws.rs.NotFoundException(), "", null));
        assertTrue("a failure of the appliance is logged", quiet.faultOccurred(new IllegalStateException("bug"), "", null));
        assertTrue(quiet.faultOccurred(new Problem(org.onewindow.problem.ProblemKind.INTERNAL, "X", "bug"), "", null));
    }
}

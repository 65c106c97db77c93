package org.onewindow.shell;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.onewindow.problem.Problem;
import org.onewindow.problem.ProblemDetail;
import org.onewindow.problem.ProblemKind;

/** What an import command prints on district IT's terminal: the file's outcome, a missing file, a refusal and why. */
public class ImportFilesTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    public void theLoaderGetsTheFilesBytesAndName() throws IOException {
        Path file = folder.newFile("items.json").toPath();
        Files.writeString(file, "[]");
        List<String> seen = new ArrayList<>();
        ImportFiles.load(file.toString(), out, (content, name) -> {
            assertArrayEquals("[]".getBytes(StandardCharsets.UTF_8), content);
            seen.add(name.toString());
        });
        assertEquals(List.of("items.json"), seen);
        assertEquals("", text());
    }

    @Test
    public void aMissingFileIsSaidAndNothingLoaded() throws IOException {
        ImportFiles.load(folder.getRoot().toPath().resolve("nowhere.json").toString(), out, (content, name) -> {
            throw new AssertionError("no file, nothing to load");
        });
        assertTrue(text(), text().startsWith("No such file: ") && text().contains("nowhere.json"));
    }

    @Test
    public void aRefusalSaysNothingChangedAndListsAtMostFiftyReasons() throws IOException {
        Path file = folder.newFile("licences.json").toPath();
        List<ProblemDetail> reasons = IntStream.rangeClosed(1, 60).mapToObj(i -> new ProblemDetail("row " + i, "holderId", "not an ID number"))
                .collect(Collectors.toList());
        ImportFiles.load(file.toString(), out, (content, name) -> {
            throw new Problem(ProblemKind.BAD_REQUEST, "INVALID_LICENCE", "60 rows refused", reasons);
        });
        List<String> lines = text().lines().collect(Collectors.toList());
        assertEquals("Refused [INVALID_LICENCE]: nothing was changed.", lines.get(0));
        assertEquals(1 + 50 + 1, lines.size());
        assertEquals("  ... and 10 more", lines.get(51));
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}

package org.onewindow.shell;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class DisplayTableTest {

    @Test
    public void aChineseCharacterTakesTwoColumns() {
        assertEquals(4, DisplayTable.width("户籍"));
        assertEquals(6, DisplayTable.width("GA-001"));
        assertEquals("a full-width digit too", 2, DisplayTable.width("１"));
        assertEquals("a combining mark none", 1, DisplayTable.width("e\u0301"));
    }

    @Test
    public void columnsAfterAChineseNameLineUpOnTheTerminal() {
        List<String> lines = print(new DisplayTable().column("Code").column("Name").column("Days", DisplayTable.Align.RIGHT)
                .row("GA-HJ-001", "户口迁入登记", 5).row("X-1", "A4 copy", 20).row("SC-GT-001", "个体工商户设立登记（营业执照）", null));
        int bar = -1;
        for (String line : lines) {
            // the column of the second separator, counted in terminal columns, is the same on every line
            String before = line.substring(0, line.lastIndexOf('|') < 0 ? line.lastIndexOf('+') : line.lastIndexOf('|'));
            int at = DisplayTable.width(before);
            if (bar < 0) {
                bar = at;
            }
            assertEquals(line, bar, at);
        }
        assertEquals("Code      | Name                           | Days", lines.get(0));
        assertEquals("the last column aligned right", "GA-HJ-001 | 户口迁入登记                   |    5", lines.get(2));
    }

    private static List<String> print(DisplayTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

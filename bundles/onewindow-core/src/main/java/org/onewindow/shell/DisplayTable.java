package org.onewindow.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.jline.utils.WCWidth;

/**
 * A table for the shell that lines its columns up by the width a terminal gives each character: a
 * Chinese character takes two columns. Karaf's {@code ShellTable} pads by characters, so every
 * column after a Chinese name was out of line. Widths are JLine's ({@link WCWidth}, the terminal
 * library Karaf's shell runs on), not a table of our own.
 */
public final class DisplayTable {
    /** Where a cell sits in its column. */
    public enum Align { LEFT, RIGHT, CENTER }

    private record Column(String header, Align align) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    public DisplayTable column(String header) {
        return column(header, Align.LEFT);
    }

    public DisplayTable column(String header, Align align) {
        columns.add(new Column(header, align));
        return this;
    }

    /** A row, a cell per column; {@code null} shows as nothing, anything else as its text on one line. */
    public DisplayTable row(Object... cells) {
        String[] row = new String[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Object cell = i < cells.length ? cells[i] : null;
            row[i] = cell == null ? "" : cell.toString().replaceAll("[\\r\\n\\t]+", " ");
        }
        rows.add(row);
        return this;
    }

    public void print(PrintStream out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i).header());
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            header.append(i == 0 ? "" : " | ").append(pad(columns.get(i).header(), widths[i], Align.LEFT, i == widths.length - 1));
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(header);
        out.println(rule);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : " | ").append(pad(row[i], widths[i], columns.get(i).align(), i == widths.length - 1));
            }
            out.println(line);
        }
    }

    /** The columns {@code text} takes on a terminal: two for a wide (East Asian) character, none for a combining mark. */
    public static int width(String text) {
        return text.codePoints().map(c -> Math.max(WCWidth.wcwidth(c), 0)).sum();
    }

    private static String pad(String text, int width, Align align, boolean last) {
        int room = width - width(text);
        return switch (align) {
            case LEFT -> last ? text : text + " ".repeat(room);
            case RIGHT -> " ".repeat(room) + text;
            case CENTER -> " ".repeat(room / 2) + text + (last ? "" : " ".repeat(room - room / 2));
        };
    }
}

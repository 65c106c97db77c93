package org.onewindow.queue;

import java.util.List;

/** A window of the hall: its number, the groups it serves now, its state, who is signed in and the number it serves. */
public record WindowDTO(int no, List<String> groups, WindowState state, String clerk, String currentNumber) {
}

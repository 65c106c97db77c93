package org.onewindow.queue;

/**
 * A ticket asked for: the group, or an item (the group serving it is found); optionally the citizen's ID number (the window
 * then knows who comes, and one ID number holds one waiting ticket per group) and a mobile (a text when 3 are ahead).
 */
public record NewTicketDTO(String group, String itemCode, String idNumber, String mobile) {
}

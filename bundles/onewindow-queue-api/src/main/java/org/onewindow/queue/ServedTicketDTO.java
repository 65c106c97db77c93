package org.onewindow.queue;

/**
 * A number served at a window without a case (a question answered, 咨询), as the hall's 好差评 rates it: where, by whom,
 * when it ended. Nothing about the citizen.
 */
public record ServedTicketDTO(long id, String day, String number, String group, String groupName, String itemCode, int window,
        String clerk, String finishedAt) {
}

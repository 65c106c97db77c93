package org.onewindow.queue;

import java.util.List;

/**
 * A queue group (such as 综合受理 or 不动产): its tickets' letter, the departments and items it serves (an item is served by
 * the group naming it, else by the group naming its department, else by a group naming neither), and whether it is a
 * priority lane (绿色通道: the elderly, the disabled, soldiers), whose tickets every window serving it calls first.
 */
public record QueueGroupDTO(String code, String prefix, String name, boolean priority, List<String> departments, List<String> items) {
}

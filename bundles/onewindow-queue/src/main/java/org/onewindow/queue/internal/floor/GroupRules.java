package org.onewindow.queue.internal.floor;

import java.util.List;

import org.onewindow.problem.Problem;
import org.onewindow.queue.QueueGroupDTO;

/** What a queue group must be: a code, one or two capital letters for its numbers, a name, and codes it serves. */
public final class GroupRules {
    private static final String CODE = "[A-Za-z0-9_-]{1,32}";

    private GroupRules() {
    }

    public static QueueGroupDTO check(QueueGroupDTO g) {
        if (g == null || g.code() == null || !g.code().matches(CODE)) {
            throw Problem.badRequest("INVALID_GROUP", "队列代码必填：字母、数字、- 或 _，最多 32 个");
        }
        if (g.prefix() == null || !g.prefix().matches("[A-Z]{1,2}")) {
            throw Problem.badRequest("INVALID_GROUP", "号码字母必填：一到两个大写字母，如 A");
        }
        String name = g.name() == null ? "" : g.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            throw Problem.badRequest("INVALID_GROUP", "队列名称必填，最多 64 字");
        }
        List<String> departments = codes(g.departments(), 500);
        List<String> items = codes(g.items(), 2000);
        return new QueueGroupDTO(g.code(), g.prefix(), name, g.priority(), departments, items);
    }

    private static List<String> codes(List<String> codes, int maxJoined) {
        List<String> out = codes == null ? List.of() : codes.stream().map(String::strip).distinct().toList();
        if (out.stream().anyMatch(c -> !c.matches("[A-Za-z0-9_-]{1,64}")) || String.join(",", out).length() > maxJoined) {
            throw Problem.badRequest("INVALID_GROUP", "部门和事项须为代码（字母、数字、- 或 _），总长有限");
        }
        return out;
    }
}

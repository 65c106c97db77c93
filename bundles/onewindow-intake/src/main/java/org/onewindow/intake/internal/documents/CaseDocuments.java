package org.onewindow.intake.internal.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.intake.CaseDTO;
import org.onewindow.intake.CaseMaterialDTO;
import org.onewindow.intake.MaterialSource;
import org.onewindow.intake.TimeLimitDTO;

/** The printable papers of the window: the one-time notice and the acceptance receipt, as HTML. */
public final class CaseDocuments {
    /**
     * The papers' stylesheet, served at {@value #STYLESHEET}: the pages carry the console's content
     * security policy, which allows no inline style.
     */
    public static final String CSS = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "max-width:46em;margin:2em auto;line-height:1.6}h1{text-align:center;font-size:1.5em}"
            + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #444;padding:.3em .5em;text-align:left}"
            + ".meta td:first-child{width:9em;background:#f3f3f3}.signature{text-align:right}@media print{body{margin:0}}";
    static final String STYLESHEET = "/api/v1/cases/documents.css";
    private static final String STYLE = "<link rel=\"stylesheet\" href=\"" + STYLESHEET + "\">";

    private CaseDocuments() {
    }

    /** 一次性告知书: everything still missing, at once, with the provision that asks for it. */
    public static String notice(CaseDTO c, String hall, LocalDate today) {
        StringBuilder html = page("一次性告知书");
        meta(html, c);
        List<CaseMaterialDTO> missing = c.missingMaterials;
        if (missing.isEmpty()) {
            html.append("<p>您申请的事项所需材料已齐全，无需补充。</p>");
        } else {
            html.append("<p>经审查，您申请办理的事项尚需补充以下材料（共 ").append(missing.size())
                    .append(" 项）。请一次性备齐后再来办理：</p><table><tr><th>序号</th><th>材料名称</th><th>设定依据</th></tr>");
            int n = 1;
            for (CaseMaterialDTO m : missing) {
                html.append("<tr><td>").append(n++).append("</td><td>").append(esc(m.name)).append("</td><td>")
                        .append(esc(m.legalBasis)).append("</td></tr>");
            }
            html.append("</table>");
        }
        List<CaseMaterialDTO> spared = c.materials.stream().filter(m -> m.received && m.source != null
                && m.source != MaterialSource.WINDOW).collect(Collectors.toList());
        if (!spared.isEmpty()) {
            html.append("<p>以下材料已从电子证照库或您以往办件中获取，无需再次提交：</p><ul>");
            spared.forEach(m -> html.append("<li>").append(esc(m.name)).append(source(m)).append("</li>"));
            html.append("</ul>");
        }
        html.append("<p>除上述材料外，本窗口不再要求您提交其他材料。</p>");
        return end(html, hall, today.toString());
    }

    /**
     * 受理回执: what was accepted, when, the statutory and the promised limit, the deadline as it stands (extended or
     * moved by a supplement, said so), and the code to collect the result.
     *
     * @param statutoryLimitDays the item's statutory limit (法定时限); null when the catalog does not give it
     */
    public static String receipt(CaseDTO c, String hall, LocalDate acceptedOn, Integer statutoryLimitDays) {
        StringBuilder html = page("受理回执");
        meta(html, c);
        html.append("<table class=\"meta\"><tr><td>法定时限</td><td>")
                .append(statutoryLimitDays == null ? "事项目录未载明" : statutoryLimitDays + " 个工作日").append("</td></tr>")
                .append("<tr><td>承诺时限</td><td>")
                .append(c.timeLimitDays == 0 ? "即来即办" : c.timeLimitDays + " 个工作日").append("</td></tr>");
        if (c.timeLimit != null && c.timeLimitDays > 0) {
            // the day itself is still in time: "前" alone reads as excluding it
            html.append("<tr><td>办结期限</td><td>").append(esc(c.timeLimit.deadline)).append("（含）前")
                    .append(moved(c.timeLimit)).append(gaps(c.timeLimit.calendarGaps)).append("</td></tr>");
        }
        html.append("<tr><td>取件码</td><td>").append(esc(c.pickupCode)).append("</td></tr></table>")
                .append("<p>已收材料：</p><ul>");
        for (CaseMaterialDTO m : c.materials) {
            if (m.received) {
                html.append("<li>").append(esc(m.name)).append(source(m)).append("</li>");
            }
        }
        html.append("</ul><p>请凭本回执、取件码或本人身份证件到任一综合窗口领取办理结果，也可申请邮寄送达。</p>");
        return end(html, hall, acceptedOn.toString());
    }

    /** Why the deadline is later than the promise: extensions (how far, when) and supplements. */
    private static String moved(TimeLimitDTO t) {
        StringBuilder out = new StringBuilder();
        if (t.extendedDays > 0) {
            if (t.extensions > 1) {
                out.append("（已经批准延期 ").append(t.extensions).append(" 次，共 ").append(t.extendedDays).append(" 个工作日")
                        .append(t.extendedOn == null ? "" : "，最近一次于 " + esc(t.extendedOn)).append("）");
            } else {
                out.append(t.extendedOn == null ? "（已经批准延期 " : "（已于 " + esc(t.extendedOn) + " 经批准延期 ")
                        .append(t.extendedDays).append(" 个工作日）");
            }
        }
        if (t.suspendedDays > 0) {
            out.append("（补正期间 ").append(t.suspendedDays).append(" 个工作日不计入）");
        }
        return out.toString();
    }

    /** The years the deadline reaches whose holidays are not published, in words: 2027、2028 年. */
    private static String gaps(List<Integer> years) {
        if (years == null || years.isEmpty()) {
            return "";
        }
        return "（" + years.stream().map(String::valueOf).collect(Collectors.joining("、"))
                + " 年节假日安排尚未公布，已按周末和法定节日计算，调休以国务院公布的安排为准）";
    }

    /** How a material was received when not on paper: the citizen sees what was not asked of them. */
    private static String source(CaseMaterialDTO m) {
        if (m.source == MaterialSource.LICENCE) {
            return "（电子证照 " + esc(m.licenceNo) + "，无需提交纸质材料）";
        }
        if (m.source == MaterialSource.EARLIER_CASE) {
            return "（复用办件 " + esc(m.fromCaseNo) + " 已交材料）";
        }
        return "";
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(title).append("</title>").append(STYLE).append("</head><body><h1>").append(title).append("</h1>");
    }

    private static void meta(StringBuilder html, CaseDTO c) {
        html.append("<table class=\"meta\">")
                .append("<tr><td>办件编号</td><td>").append(esc(c.caseNo)).append("</td></tr>")
                .append("<tr><td>申请事项</td><td>").append(esc(c.itemName)).append("（").append(esc(c.itemCode))
                .append("，第 ").append(c.itemVersion).append(" 版）</td></tr>")
                .append("<tr><td>承办部门</td><td>").append(esc(c.departmentName)).append("</td></tr>")
                .append("<tr><td>申请人</td><td>").append(esc(c.applicant.name)).append("（")
                .append(esc(IdNumbers.mask(c.applicant.idNumber))).append("）</td></tr></table>");
    }

    private static String end(StringBuilder html, String hall, String date) {
        return html.append("<p class=\"signature\">").append(esc(hall)).append("行政服务中心<br>").append(esc(date))
                .append("</p></body></html>").toString();
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}

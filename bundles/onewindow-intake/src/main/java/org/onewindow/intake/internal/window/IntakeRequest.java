package org.onewindow.intake.internal.window;

import java.util.List;
import java.util.stream.Collectors;

import org.onewindow.citizen.IdNumbers;
import org.onewindow.citizen.IdType;
import org.onewindow.citizen.Mobiles;
import org.onewindow.intake.Channel;
import org.onewindow.intake.NewCaseDTO;
import org.onewindow.intake.PartyDTO;
import org.onewindow.intake.internal.cases.Cases;
import org.onewindow.problem.Problem;

/** A checked intake request: the item, the parties, the channel and the material codes as typed. */
final class IntakeRequest {
    String itemCode;
    PartyDTO applicant;
    PartyDTO agent;
    Channel channel;
    List<String> materials;

    static IntakeRequest check(NewCaseDTO request) {
        if (request == null) {
            throw Problem.badRequest("INVALID_CASE", "请求内容为空");
        }
        IntakeRequest i = new IntakeRequest();
        i.itemCode = required(request.itemCode, "itemCode", "事项编码");
        i.applicant = party(request.applicant, "applicant");
        i.agent = request.agent == null ? null : party(request.agent, "agent");
        i.channel = request.channel == null ? Channel.WINDOW : request.channel;
        i.materials = codes(request.materials);
        return i;
    }

    /** Material codes as typed: trimmed, blanks dropped, each once. */
    static List<String> codes(List<String> materials) {
        return materials == null ? List.of()
                : materials.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct()
                        .collect(Collectors.toList());
    }

    private static PartyDTO party(PartyDTO in, String field) {
        if (in == null) {
            throw Problem.badRequest("INVALID_CASE", field + " 必填：申请人身份证件号码和姓名");
        }
        PartyDTO p = new PartyDTO();
        p.idType = in.idType == null ? IdType.RESIDENT_ID : in.idType;
        p.idNumber = IdNumbers.check(p.idType, in.idNumber);
        p.name = required(in.name, field + ".name", "姓名或名称");
        if (p.name.length() > 100) {
            throw Problem.badRequest("INVALID_CASE", field + ".name 不能超过 100 字");
        }
        p.phone = in.phone == null || in.phone.isBlank() ? null : in.phone.strip();
        if (p.phone != null && !p.phone.matches("[0-9+\\- ]{5,32}")) {
            throw Problem.badRequest("INVALID_CASE", field + ".phone 格式不正确");
        }
        if (Mobiles.isMobile(p.phone)) {
            // kept as digits alone, so that the window's search finds it however it was typed
            p.phone = Mobiles.normal(p.phone);
        }
        return p;
    }

    /** A field of a case the request must have: {@code INVALID_CASE} without it. */
    static String required(String value, String field, String message) {
        return Cases.required(value, "INVALID_CASE", field, message);
    }
}

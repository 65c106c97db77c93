package org.onewindow.itests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Requests of the window, in the API's JSON. */
final class Cases {
    /** Valid resident ID numbers (GB 11643-1999 check digits). */
    static final String ZHANG_SAN = "441302199003071238";
    static final String LI_SI = "11010519491231002X";
    static final String WRONG_CHECK_DIGIT = "441302199003071237";

    private Cases() {
    }

    static String open(String item, String idNumber, String... materials) {
        return "{\"itemCode\":\"" + item + "\",\"applicant\":{\"idNumber\":\"" + idNumber + "\",\"name\":\"张三\"},"
                + "\"materials\":[" + String.join(",", Arrays.stream(materials).map(m -> "\"" + m + "\"").toArray(String[]::new)) + "]}";
    }

    static String to(String status) {
        return "{\"to\":\"" + status + "\"}";
    }

    static byte[] png(String text) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] tail = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text).getBytes(StandardCharsets.UTF_8);
    }
}

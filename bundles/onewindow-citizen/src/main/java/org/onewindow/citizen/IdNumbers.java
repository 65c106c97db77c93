package org.onewindow.citizen;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.onewindow.problem.Problem;

/** Checks and masks ID numbers. Pure functions: safe anywhere, from any thread. */
public final class IdNumbers {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    /** Province-level codes of GB/T 2260 (incl. 71 Taiwan). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65", "71");
    /**
     * The address codes of the residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证,
     * 《港澳台居民居住证申领发放办法》 2018): the whole six digits, not a province followed by a county.
     */
    private static final Set<String> RESIDENCE_PERMITS = Set.of("810000", "820000", "830000");
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdNumbers() {
    }

    /** The number in its canonical form (upper case), or a {@code INVALID_ID_NUMBER} problem saying what is wrong. */
    public static String check(IdType type, String number) {
        if (type == null) {
            throw Problem.badRequest("INVALID_ID_NUMBER", "证件类型必填（RESIDENT_ID 或 CREDIT_CODE）");
        }
        String value = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        String wrong = type == IdType.RESIDENT_ID ? residentIdProblem(value) : creditCodeProblem(value);
        if (wrong != null) {
            throw Problem.badRequest("INVALID_ID_NUMBER", wrong + "：" + mask(value));
        }
        return value;
    }

    /** Whether {@code number} is a valid number of {@code type}. */
    public static boolean isValid(IdType type, String number) {
        String value = number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
        return (type == IdType.RESIDENT_ID ? residentIdProblem(value) : creditCodeProblem(value)) == null;
    }

    /** For logs and screens: the first six and last four characters, the rest starred. */
    public static String mask(String number) {
        if (number == null || number.isEmpty()) {
            return "";
        }
        if (number.length() <= 10) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }

    static String residentIdProblem(String id) {
        if (!id.matches("\\d{17}[0-9X]")) {
            return "居民身份证号码须为 18 位（前 17 位为数字，末位为数字或 X）";
        }
        if (!PROVINCES.contains(id.substring(0, 2)) && !RESIDENCE_PERMITS.contains(id.substring(0, 6))) {
            return "居民身份证号码的地址码不正确";
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return "居民身份证号码的出生日期不正确";
            }
        } catch (DateTimeException e) {
            return "居民身份证号码的出生日期不正确";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17) ? null : "居民身份证号码校验位不正确";
    }

    static String creditCodeProblem(String code) {
        if (code.length() != 18) {
            return "统一社会信用代码须为 18 位";
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = CREDIT_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return "统一社会信用代码含有不允许的字符（不用 I、O、Z、S、V）";
            }
            if (i < 17) {
                sum += value * CREDIT_WEIGHTS[i];
            }
        }
        if (!code.substring(2, 8).matches("\\d{6}")) {
            return "统一社会信用代码的登记管理机关行政区划码不正确";
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_CHARS.charAt(check) == code.charAt(17) ? null : "统一社会信用代码校验位不正确";
    }
}

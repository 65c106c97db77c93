package org.onewindow.citizen;

/** What identifies an applicant. */
public enum IdType {
    /** 居民身份证号码, GB 11643-1999: a person. */
    RESIDENT_ID,
    /** 统一社会信用代码, GB 32100-2015: a company or other organisation. */
    CREDIT_CODE
}

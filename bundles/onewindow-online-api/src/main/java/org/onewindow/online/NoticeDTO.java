package org.onewindow.online;

/** One message to a citizen's mobile. */
public class NoticeDTO {
    public NoticeKind kind;
    /** The citizen's ID number (a notifier logs it masked only). */
    public String idNumber;
    public String mobile;
    /** The case or appointment the notice is about, if any. */
    public String reference;
    /** The text as the citizen reads it. */
    public String text;
    public String sentAt;
}

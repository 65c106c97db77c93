package org.onewindow.intake;

import org.onewindow.citizen.IdType;

/** An applicant or agent: a person by resident ID number, or a company by credit code. */
public class PartyDTO {
    /** Defaults to {@link IdType#RESIDENT_ID}. */
    public IdType idType;
    public String idNumber;
    public String name;
    public String phone;
}

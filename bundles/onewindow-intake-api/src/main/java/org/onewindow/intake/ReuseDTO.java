package org.onewindow.intake;

/** The clerk's confirmation that a material handed in for an earlier case stands for one of this case. */
public class ReuseDTO {
    /** The material code of this case's catalog version. */
    public String material;
    /** The earlier case of the same applicant that received it. */
    public String fromCaseNo;
}

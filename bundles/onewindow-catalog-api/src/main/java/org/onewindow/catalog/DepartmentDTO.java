package org.onewindow.catalog;

/** The department that owns an item and decides its cases in the back office. */
public class DepartmentDTO {
    public String code;
    public String name;
}

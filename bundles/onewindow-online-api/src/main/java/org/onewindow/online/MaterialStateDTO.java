package org.onewindow.online;

import java.util.List;

/** One material of an application's item. */
public class MaterialStateDTO {
    public String code;
    public String name;
    public boolean required;
    /** {@code UPLOADED}, {@code LICENCE} (from the electronic licence library) or null while missing. */
    public String source;
    public List<OnlineFileDTO> files;
}

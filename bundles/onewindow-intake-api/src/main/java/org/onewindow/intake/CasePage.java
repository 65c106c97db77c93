package org.onewindow.intake;

import java.util.List;

/** One page of cases (without history and materials) and the total. */
public class CasePage {
    public List<CaseDTO> items;
    public long total;
    public int page;
    public int size;
}

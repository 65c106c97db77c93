package org.onewindow.catalog.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.DepartmentDTO;
import org.onewindow.catalog.ItemKind;
import org.onewindow.catalog.MaterialDTO;

/** Valid catalog records to start tests from (here and, through the test jar, in the tests of the capabilities that read the catalog). */
public final class Items {
    private Items() {
    }

    public static CatalogItemDTO item(String code) {
        CatalogItemDTO item = new CatalogItemDTO();
        item.code = code;
        item.name = "居民身份证换领";
        item.department = new DepartmentDTO();
        item.department.code = "GA";
        item.department.name = "区公安分局";
        item.kind = ItemKind.PUBLIC_SERVICE;
        item.legalBasis = "《中华人民共和国居民身份证法》第十一条";
        item.conditions = "有效期满的居民身份证";
        item.timeLimitDays = 0;
        item.crossDistrict = true;
        item.online = false;
        item.fee = new BigDecimal("20");
        item.materials = new ArrayList<>(List.of(material("M01")));
        return item;
    }

    public static MaterialDTO material(String code) {
        MaterialDTO m = new MaterialDTO();
        m.code = code;
        m.name = "原居民身份证";
        m.required = true;
        m.legalBasis = "《中华人民共和国居民身份证法》第十一条";
        m.licenceType = "RESIDENT_ID_CARD";
        return m;
    }
}

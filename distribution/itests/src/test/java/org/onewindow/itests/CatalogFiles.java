package org.onewindow.itests;

/** Catalog records in the exchange format, for imports in tests. */
final class CatalogFiles {
    private CatalogFiles() {
    }

    static String item(String code, String name, int timeLimitDays) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"department\":{\"code\":\"IT\",\"name\":\"测试局\"},"
                + "\"kind\":\"PUBLIC_SERVICE\",\"legalBasis\":\"《测试条例》第一条\",\"conditions\":\"无\","
                + "\"timeLimitDays\":" + timeLimitDays + ",\"crossDistrict\":true,\"online\":true,\"fee\":0,"
                + "\"materials\":[{\"code\":\"M01\",\"name\":\"居民身份证\",\"required\":true,"
                + "\"legalBasis\":\"《中华人民共和国居民身份证法》第十四条\",\"licenceType\":\"RESIDENT_ID_CARD\"}]}";
    }

    static String array(String... items) {
        return "[" + String.join(",", items) + "]";
    }
}

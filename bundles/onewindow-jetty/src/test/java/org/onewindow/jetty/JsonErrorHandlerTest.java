package org.onewindow.jetty;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.junit.Test;

public class JsonErrorHandlerTest {

    @Test
    public void aBadMessageIsJsonWithAStableCodeAndDoesNotEchoTheReason() {
        HttpFields fields = new HttpFields();
        String body = BufferUtil.toString(new JsonErrorHandler().badMessageError(400, "Illegal character 0x1 in <script>", fields),
                StandardCharsets.UTF_8);
        assertEquals("{\"code\":\"MALFORMED_REQUEST\",\"message\":\"请求格式错误（路径或请求头含有不允许的字符，或编码有误）\"}", body);
        assertTrue(fields.get(HttpHeader.CONTENT_TYPE).startsWith("application/json"));
        assertFalse(body.contains("script"));
    }

    @Test
    public void everyStatusHasItsCode() {
        assertTrue(JsonErrorHandler.body(431).contains("\"HEADERS_TOO_LARGE\""));
        assertTrue(JsonErrorHandler.body(414).contains("\"URI_TOO_LONG\""));
        assertTrue(JsonErrorHandler.body(418).contains("\"BAD_REQUEST\""));
        assertTrue(JsonErrorHandler.body(500).contains("\"INTERNAL_ERROR\""));
    }
}

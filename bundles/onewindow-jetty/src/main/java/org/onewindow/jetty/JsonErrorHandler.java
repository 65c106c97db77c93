package org.onewindow.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

/**
 * The server's error handler: what Jetty itself refuses is answered as {@code {"code","message"}}
 * JSON with a stable code, as every other error of OneWindow's API, instead of Jetty's HTML page
 * ("Bad Message 400", "Error 400 Bad Request"). A request Jetty could not parse gets JSON whatever
 * its path (there may be none); a parsed one outside {@code /api} gets Jetty's page as before.
 * Jetty's reason is not repeated: it can echo the bytes of the request.
 */
public class JsonErrorHandler extends ErrorHandler {
    static final String JSON = "application/json;charset=utf-8";

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON);
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        return BufferUtil.toBuffer(body(status), StandardCharsets.UTF_8);
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code,
            String message) throws IOException {
        if (!underApi(baseRequest)) {
            super.generateAcceptableResponse(baseRequest, request, response, code, message);
            return;
        }
        byte[] body = body(code).getBytes(StandardCharsets.UTF_8);
        baseRequest.getResponse().resetContent();
        response.setContentType(JSON);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        baseRequest.getResponse().closeOutput();
    }

    /** A path under {@code /api}, or none Jetty could read. */
    static boolean underApi(Request request) {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        return path == null || path.equals("/api") || path.startsWith("/api/");
    }

    /** The JSON body for a status: a stable code and a fixed message, as {@code org.onewindow.rest.ErrorDTO} has them. */
    static String body(int status) {
        Reason reason = switch (status) {
            case 400 -> new Reason("MALFORMED_REQUEST", "请求格式错误（路径或请求头含有不允许的字符，或编码有误）");
            case 404 -> new Reason("NOT_FOUND", "没有这个接口");
            case 405 -> new Reason("METHOD_NOT_ALLOWED", "此接口不支持该请求方法");
            case 413 -> new Reason("PAYLOAD_TOO_LARGE", "请求内容过大");
            case 414 -> new Reason("URI_TOO_LONG", "请求路径过长");
            case 415 -> new Reason("UNSUPPORTED_MEDIA_TYPE", "不支持该内容类型");
            case 431 -> new Reason("HEADERS_TOO_LARGE", "请求头过大");
            case 505 -> new Reason("HTTP_VERSION_NOT_SUPPORTED", "不支持该 HTTP 版本");
            default -> status >= 400 && status < 500 ? new Reason("BAD_REQUEST", "请求有误")
                    : new Reason("INTERNAL_ERROR", "服务器内部错误，详情见日志");
        };
        return "{\"code\":\"" + reason.code() + "\",\"message\":\"" + reason.message() + "\"}";
    }

    private record Reason(String code, String message) {
    }
}

package io.truecount.connector.dropboxsign;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the event JSON out of a callback body. Dropbox Sign posts {@code multipart/form-data} with one field
 * {@code json} (RFC 7578); a urlencoded {@code json=} body and bare JSON are accepted too, since proxies and older
 * integrations re-encode callbacks.
 */
final class CallbackBody {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary\\s*=\\s*(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(?i)content-disposition\\s*:\\s*form-data\\s*;.*\\bname\\s*=\\s*(?:\"json\"|json)(?:\\s*;|\\s*$)");

    private CallbackBody() {}

    /** @return the event JSON, or null when the body holds none */
    static String eventJson(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            Matcher boundary = BOUNDARY.matcher(contentType);
            return boundary.find()
                    ? multipartField(body, boundary.group(1) != null ? boundary.group(1) : boundary.group(2))
                    : null;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return urlencodedField(new String(body, StandardCharsets.US_ASCII));
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.startsWith("{") ? text : null;
    }

    /**
     * The {@code json} part's content. Works on the bytes read as ISO-8859-1 (one char per byte), so indexes are byte
     * offsets and the part's UTF-8 is decoded only once it is cut out.
     */
    static String multipartField(byte[] body, String boundary) {
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        int at = raw.startsWith(delimiter) ? 0 : raw.indexOf("\n" + delimiter);
        if (at < 0) {
            return null;
        }
        at = raw.indexOf(delimiter, at);
        while (true) {
            int afterDelimiter = at + delimiter.length();
            if (raw.startsWith("--", afterDelimiter)) {
                return null; // the closing delimiter: no json part
            }
            int lineEnd = raw.indexOf('\n', afterDelimiter);
            if (lineEnd < 0) {
                return null;
            }
            int headersEnd = headersEnd(raw, lineEnd);
            if (headersEnd < 0) {
                return null;
            }
            String headers = headersEnd > lineEnd ? raw.substring(lineEnd + 1, headersEnd) : "";
            int contentStart = raw.startsWith("\r\n\r\n", headersEnd) ? headersEnd + 4 : headersEnd + 2;
            int next = raw.indexOf("\n" + delimiter, contentStart - 1);
            if (next < 0) {
                return null;
            }
            int contentEnd = next > 0 && raw.charAt(next - 1) == '\r' ? next - 1 : next;
            if (isJsonField(headers)) {
                byte[] content = raw.substring(contentStart, Math.max(contentStart, contentEnd))
                        .getBytes(StandardCharsets.ISO_8859_1);
                return new String(content, StandardCharsets.UTF_8);
            }
            at = next + 1;
        }
    }

    /** Where the part's header block ends: the blank line after the delimiter line (which may be the very next). */
    private static int headersEnd(String raw, int lineEnd) {
        int crlf = raw.indexOf("\r\n\r\n", lineEnd - 1);
        int lf = raw.indexOf("\n\n", lineEnd);
        if (crlf < 0) {
            return lf;
        }
        return lf < 0 || crlf < lf ? crlf : lf;
    }

    private static boolean isJsonField(String headers) {
        for (String line : headers.split("\r?\n")) {
            if (JSON_FIELD.matcher(line.strip()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String urlencodedField(String body) {
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals("json")) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

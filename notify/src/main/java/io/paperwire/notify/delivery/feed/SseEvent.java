package io.paperwire.notify.delivery.feed;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One Server-Sent Event and its wire framing: optional {@code id:} and {@code event:} lines, one {@code data:} line
 * per line of data, and a blank line. Id and event name are single lines; data may span lines (CR, LF and CRLF all
 * count as line ends, as in the SSE specification).
 *
 * @param id    the event id (a client resends it as {@code Last-Event-ID}), or null
 * @param event the event name ({@code alert}, {@code paper}), or null for the default {@code message}
 * @param data  the payload, usually one line of JSON
 */
public record SseEvent(String id, String event, String data) {

    public SseEvent {
        Objects.requireNonNull(data, "data");
        requireOneLine(id, "id");
        requireOneLine(event, "event");
        if (id != null && id.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an SSE id must not contain NUL");
        }
    }

    private static void requireOneLine(String value, String what) {
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("an SSE " + what + " must be a single line");
        }
    }

    /** The event as it goes on the wire, ending with the blank line that dispatches it. */
    public String frame() {
        StringBuilder out = new StringBuilder();
        if (id != null) {
            out.append("id: ").append(id).append('\n');
        }
        if (event != null) {
            out.append("event: ").append(event).append('\n');
        }
        for (String line : data.split("\r\n|\r|\n", -1)) {
            out.append("data: ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }

    public byte[] frameBytes() {
        return frame().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line, ignored by clients: keeps idle connections open through proxies. */
    public static byte[] keepAliveComment() {
        return ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);
    }
}

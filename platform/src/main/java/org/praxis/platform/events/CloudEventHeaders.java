package org.praxis.platform.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents Kafka binary mode: attributes travel as {@code ce_*} headers, the payload as the value. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String TENANT = "ce_tenant";
    /** CloudEvents sequence extension: the outbox row's sequence, increasing per service (so per aggregate). */
    public static final String SEQUENCE = "ce_sequence";

    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}

    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

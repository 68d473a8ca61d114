package org.praxis.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.constraints.Size;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Reads a payload into a record of the consuming service: the fields it reads, strictly typed (a number is
 * not a text, nor a text a number), the others ignored. A component marked {@code @JsonProperty(required =
 * true)} must be there and not null, as must a primitive (an optional number is an {@code Integer}); a text with {@code @Size(max)} must fit, so what a service stores from
 * an event stays within the bounds its API declares. Anything else is the event's own fault.
 */
final class PayloadReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(
                    LogicalType.Textual,
                    c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private PayloadReader() {}

    static <T extends Record> T read(String eventType, JsonNode payload, Class<T> type) {
        T value;
        try {
            value = JSON.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEvent(eventType + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEvent(eventType + ": " + e.getMessage(), e);
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Object field = get(c, value);
            JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
            if (field == null && property != null && property.required()) {
                throw new UnprocessableEvent(eventType + ": " + c.getName() + " is required");
            }
            Size size = c.getAccessor().getAnnotation(Size.class);
            if (field instanceof String text && size != null && text.length() > size.max()) {
                throw new UnprocessableEvent(
                        eventType + ": " + c.getName() + " is longer than " + size.max() + " characters");
            }
        }
        return value;
    }

    private static Object get(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}

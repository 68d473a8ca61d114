package org.praxis.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.praxis.platform.problem.Violation;

/**
 * A request's date or time lies in the years 1 to 9999: ISO 8601 lets a year have more digits or a sign, Java
 * reads {@code +9999999-12-31}, and PostgreSQL refuses it when it is stored or compared, a 500 after the
 * request was taken. Outside those years it is a 400 naming the field, as any other value of the wrong type.
 */
@Singleton
public class CalendarDates implements ObjectMapperCustomizer {
    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;
    private static final Set<Class<?>> DATED =
            Set.of(LocalDate.class, LocalDateTime.class, OffsetDateTime.class, ZonedDateTime.class, Instant.class);
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("calendar-dates")
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(
                            DeserializationConfig config,
                            BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return DATED.contains(description.getBeanClass())
                                ? new WithinCalendar(deserializer)
                                : deserializer;
                    }
                }));
    }

    /** Whether the value is a date or time within the years this service stores. */
    public static boolean withinCalendar(Object value) {
        if (value == null || !DATED.contains(value.getClass())) {
            return true;
        }
        if (value instanceof Instant i) {
            return !i.isBefore(FIRST_INSTANT) && i.isBefore(AFTER_LAST_INSTANT);
        }
        int year = year(value);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A date or time taken outside a JSON body (a query parameter): a 422 naming the field when it lies beyond. */
    public static void requireWithinCalendar(String field, Object value) {
        if (!withinCalendar(value)) {
            Violation.refuseAny(
                    "A date or time is beyond the calendar this service keeps",
                    List.of(new Violation(field, "must lie in the years " + FIRST_YEAR + " to " + LAST_YEAR)));
        }
    }

    private static int year(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear();
        } else if (value instanceof LocalDateTime t) {
            return t.getYear();
        } else if (value instanceof OffsetDateTime t) {
            return t.getYear();
        }
        return ((ZonedDateTime) value).getYear();
    }

    private static final class WithinCalendar extends DelegatingDeserializer {
        WithinCalendar(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new WithinCalendar(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
            Object value = super.deserialize(p, context);
            if (!withinCalendar(value)) {
                throw InvalidFormatException.from(
                        p, "a date or time in the years " + FIRST_YEAR + " to " + LAST_YEAR, value, handledType());
            }
            return value;
        }
    }
}

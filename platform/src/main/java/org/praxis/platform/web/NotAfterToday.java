package org.praxis.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A day that has begun somewhere: not after today in the earliest time zone (UTC+14), so a
 * practitioner anywhere can record what they did today, and nobody records what has not happened yet.
 */
@Documented
@Constraint(validatedBy = NotAfterToday.Validator.class)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.METHOD,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAfterToday {
    String message() default "must not be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NotAfterToday, LocalDate> {
        /** The first time zone to start a day. */
        static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

        @Override
        public boolean isValid(LocalDate day, ConstraintValidatorContext context) {
            return day == null || !day.isAfter(LocalDate.now(EARLIEST));
        }
    }
}

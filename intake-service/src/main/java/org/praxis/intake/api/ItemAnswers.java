package org.praxis.intake.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.praxis.intake.domain.InstrumentDefinitionRules;
import org.praxis.platform.web.Bounds;

/**
 * Screening answers keyed by item link id: ids of 1 to {@link Bounds#CODE} characters, whole answers from 0 to
 * {@link InstrumentDefinitionRules#MAX_ANSWER}. Checked here as a whole and reported on {@code answers} itself:
 * constraints on the map's keys or values would name the offending key in the problem, echoing what was sent.
 */
@Documented
@Constraint(validatedBy = ItemAnswers.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface ItemAnswers {
    String message() default
            "item ids must have 1 to " + Bounds.CODE + " characters and answers must be whole numbers" + " from 0 to "
                    + InstrumentDefinitionRules.MAX_ANSWER;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The schema of a key, for the OpenAPI document. */
    @Schema(name = "ItemId", type = SchemaType.STRING, minLength = 1, maxLength = Bounds.CODE)
    interface ItemId {}

    /** The schema of an answer, for the OpenAPI document. */
    @Schema(
            name = "Answer",
            type = SchemaType.INTEGER,
            format = "int32",
            minimum = "0",
            maximum = "" + InstrumentDefinitionRules.MAX_ANSWER)
    interface Answer {}

    class Check implements ConstraintValidator<ItemAnswers, Map<String, Integer>> {
        @Override
        public boolean isValid(Map<String, Integer> answers, ConstraintValidatorContext context) {
            if (answers == null || answers.size() > Bounds.ANSWERS) {
                return true; // @NotNull and @Size say so, once
            }
            return answers.entrySet().stream()
                    .allMatch(e -> e.getKey() != null
                            && !e.getKey().isBlank()
                            && e.getKey().length() <= Bounds.CODE
                            && e.getValue() != null
                            && e.getValue() >= 0
                            && e.getValue() <= InstrumentDefinitionRules.MAX_ANSWER);
        }
    }
}

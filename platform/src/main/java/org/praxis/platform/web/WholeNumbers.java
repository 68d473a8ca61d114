package org.praxis.platform.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A request's integer is a whole number: Jackson would otherwise read {@code 0.5} as {@code 0}, so a PHQ-9 item 9
 * answered 0.5 scored as 0 and raised no risk flag. A fraction where an integer is declared is a 400 naming the
 * field, as any other value of the wrong type.
 */
@Singleton
public class WholeNumbers implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}

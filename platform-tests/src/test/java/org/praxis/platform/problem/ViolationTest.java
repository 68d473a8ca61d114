package org.praxis.platform.problem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void noViolationRefusesNothing() {
        assertDoesNotThrow(() -> Violation.refuseAny("fine", List.of()));
    }

    @Test
    void violationsAreOne422NamingEachField() {
        List<Violation> violations =
                List.of(new Violation("urgent", "is required"), new Violation("soon", "must be more than zero"));
        ProblemException e =
                assertThrows(ProblemException.class, () -> Violation.refuseAny("These cannot be used", violations));
        Problem p = e.problem();
        assertEquals(422, p.status());
        assertEquals(Problem.TYPE_PREFIX + "rule-violation", p.type());
        assertEquals("These cannot be used", p.detail());
        assertEquals(violations, p.errors());
    }

    @Test
    void aRefusalWithoutFieldsHasNoErrors() {
        assertNull(ProblemException.unprocessable("No.").problem().errors());
        assertNull(ProblemException.unprocessable("No.", List.of()).problem().errors());
    }

    @Test
    void atMostTwentyViolationsAreListed() {
        List<Violation> many = IntStream.range(0, 25)
                .mapToObj(i -> new Violation("f" + i, "bad"))
                .toList();
        assertEquals(
                Problem.MAX_FIELD_ERRORS,
                ProblemException.unprocessable("Many", many).problem().errors().size());
    }

    @Test
    void theWireFormatIsFieldAndMessage() throws Exception {
        Problem p = ProblemException.unprocessable("No.", List.of(new Violation("kind", "must be one of a, b")))
                .problem();
        String json = new ObjectMapper().writeValueAsString(p);
        assertEquals(
                "{\"type\":\"https://praxis.dev/problems/rule-violation\",\"title\":\"Request refused by the rules\","
                        + "\"status\":422,\"detail\":\"No.\",\"errors\":[{\"field\":\"kind\",\"message\":\"must be one of a, b\"}]}",
                json);
    }
}

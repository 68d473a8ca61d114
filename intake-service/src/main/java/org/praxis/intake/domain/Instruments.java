package org.praxis.intake.domain;

import java.util.List;

import org.praxis.platform.problem.Problem;
import org.praxis.platform.problem.ProblemException;

/** Looks instruments up by code for the operations that need one. */
public final class Instruments {
    private Instruments() {
    }

    public static Instrument require(String code) {
        return BuiltInInstruments.byCode(code).orElseThrow(() -> ProblemException.unprocessable(
                "Unknown instrument " + code,
                List.of(new Problem.FieldError("instrument", "is not one of " + BuiltInInstruments.all().stream()
                        .map(Instrument::code).toList()))));
    }
}

package org.praxis.intake.domain;

import java.util.List;

/** What the server computed from one response; stored with the screening and never recomputed. */
public record Score(int total, String severity, Integer percent, List<RaisedFlag> flags) {

    /** A risk flag an item answer raised. */
    public record RaisedFlag(String code, String level, String linkId) {}
}

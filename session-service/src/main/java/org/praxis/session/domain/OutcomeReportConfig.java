package org.praxis.session.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sponsor's organisation outcome report ({@code praxis.outcome-report.*}). */
@ConfigMapping(prefix = "praxis.outcome-report")
public interface OutcomeReportConfig {
    /** Fewer engagements than this and the report shows no figures ({@link MinimumGroupSize}). */
    @WithDefault("" + MinimumGroupSize.DEFAULT)
    int minimumGroupSize();

    /**
     * Days an engagement waits after it closed before the report may count it: time for the client's judgement
     * of their goals and a session outcome recorded late, which the report would not see after (it keeps each
     * engagement as it was when counted). 0 counts them at once.
     */
    @WithDefault("14")
    int settleDays();
}

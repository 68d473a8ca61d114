package org.praxis.session.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sponsor's organisation outcome report ({@code praxis.outcome-report.*}). */
@ConfigMapping(prefix = "praxis.outcome-report")
public interface OutcomeReportConfig {
    /** Fewer engagements than this and the report shows no figures ({@link MinimumGroupSize}). */
    @WithDefault("" + MinimumGroupSize.DEFAULT)
    int minimumGroupSize();
}

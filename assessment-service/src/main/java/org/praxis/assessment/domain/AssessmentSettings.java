package org.praxis.assessment.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's current framework and the practice and supervision minimums for eligibility. */
@Entity
@Table(name = "assessment_settings")
public class AssessmentSettings extends TenantSettingsRow<Settings.Values> {
    public String frameworkCode;
    public int frameworkVersion;
    public int minPracticeMinutes;
    public int minSupervisionMinutes;

    @Override
    public Settings.Values read() {
        return new Settings.Values(frameworkCode, frameworkVersion, minPracticeMinutes, minSupervisionMinutes);
    }

    @Override
    public void write(Settings.Values values) {
        frameworkCode = values.frameworkCode();
        frameworkVersion = values.frameworkVersion();
        minPracticeMinutes = values.minPracticeMinutes();
        minSupervisionMinutes = values.minSupervisionMinutes();
    }
}

package org.praxis.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's stored triage thresholds (see {@link TriagePolicy}). */
@Entity
@Table(name = "triage_policy")
public class TenantTriagePolicy extends TenantSettingsRow<TriagePolicy> {
    public int phq9Therapy;
    public int gad7Therapy;
    public int phq9Integrated;
    public int gad7Integrated;
    public int phq9Monitoring;
    public int gad7Monitoring;
    public int wsasMonitoring;
    public int screenPositiveThreshold;
    public boolean coachesMayClaim;

    @Override
    public TriagePolicy read() {
        return new TriagePolicy(
                phq9Therapy,
                gad7Therapy,
                phq9Integrated,
                gad7Integrated,
                phq9Monitoring,
                gad7Monitoring,
                wsasMonitoring,
                screenPositiveThreshold,
                coachesMayClaim);
    }

    @Override
    public void write(TriagePolicy policy) {
        phq9Therapy = policy.phq9Therapy();
        gad7Therapy = policy.gad7Therapy();
        phq9Integrated = policy.phq9Integrated();
        gad7Integrated = policy.gad7Integrated();
        phq9Monitoring = policy.phq9Monitoring();
        gad7Monitoring = policy.gad7Monitoring();
        wsasMonitoring = policy.wsasMonitoring();
        screenPositiveThreshold = policy.screenPositiveThreshold();
        coachesMayClaim = policy.coachesMayClaim();
    }
}

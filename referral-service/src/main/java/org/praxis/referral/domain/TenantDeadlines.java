package org.praxis.referral.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's own answer deadlines per urgency, once an admin has set them (see {@link AnswerDeadlines}). */
@Entity
@Table(name = "referral_deadlines")
public class TenantDeadlines extends TenantSettingsRow<AnswerDeadlines> {
    public long emergencySeconds;
    public long urgentSeconds;
    public long soonSeconds;
    public long routineSeconds;

    @Override
    public AnswerDeadlines read() {
        return new AnswerDeadlines(
                Duration.ofSeconds(emergencySeconds),
                Duration.ofSeconds(urgentSeconds),
                Duration.ofSeconds(soonSeconds),
                Duration.ofSeconds(routineSeconds));
    }

    @Override
    public void write(AnswerDeadlines deadlines) {
        emergencySeconds = deadlines.emergency().toSeconds();
        urgentSeconds = deadlines.urgent().toSeconds();
        soonSeconds = deadlines.soon().toSeconds();
        routineSeconds = deadlines.routine().toSeconds();
    }
}

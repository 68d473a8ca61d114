package org.praxis.session.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant's stored policy for coaching after therapy (see {@link AfterTherapyTerms}). */
@Entity
@Table(name = "after_therapy_policy")
public class TenantAfterTherapyPolicy extends TenantSettingsRow<AfterTherapyTerms> {
    public boolean newIntakeRequired;

    @Override
    public AfterTherapyTerms read() {
        return new AfterTherapyTerms(newIntakeRequired);
    }

    @Override
    public void write(AfterTherapyTerms terms) {
        newIntakeRequired = terms.newIntakeRequired();
    }
}

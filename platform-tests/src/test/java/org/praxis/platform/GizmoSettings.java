package org.praxis.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.praxis.platform.settings.TenantSettings;
import org.praxis.platform.settings.TenantSettingsRow;

/** A tenant setting that exists only in the platform's tests: the colour of a tenant's gizmos. */
@Entity
@Table(name = "gizmo_settings")
public class GizmoSettings extends TenantSettingsRow<GizmoSettings.Colour> {
    public record Colour(String name) {}

    static final TenantSettings.Kind<Colour, GizmoSettings> KIND =
            new TenantSettings.Kind<>("gizmo-settings", GizmoSettings.class, GizmoSettings::new, new Colour("grey"));

    public String colour;

    @Override
    public Colour read() {
        return new Colour(colour);
    }

    @Override
    public void write(Colour settings) {
        colour = settings.name();
    }
}

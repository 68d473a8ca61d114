/**
 * Intake's entities and rules. {@link org.praxis.intake.domain.Scorer} and {@link org.praxis.intake.domain.Triage}
 * are plain Java with unit tests: scores against the instruments' published bands, triage against DESIGN.md.
 */
package org.praxis.intake.domain;

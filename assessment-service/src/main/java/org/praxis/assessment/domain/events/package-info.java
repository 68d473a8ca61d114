/** What this service publishes (through the outbox): one record per event type, knowing its type and key. */
package org.praxis.assessment.domain.events;

/** Events this service publishes (through the outbox) and the handlers of events it consumes. */
package org.praxis.assessment.events;

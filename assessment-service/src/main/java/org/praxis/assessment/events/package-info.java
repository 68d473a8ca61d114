/** The handlers of other services' events; what this service publishes is in {@code domain.events}. */
package org.praxis.assessment.events;

/** The consumer that turns the four services' events into deliveries. */
package org.praxis.webhook.events;

/**
 * Subscriptions, deliveries and their attempts; the signing (Standard Webhooks), the endpoint check and the retry
 * schedule are plain Java with unit tests.
 */
package org.praxis.webhook.domain;

/** Entities and the rules of this service, as plain Java with unit tests. */
package org.praxis.referral.domain;

/** Engagements, their contracts and the rules of acceptance and disclosure, with unit tests. */
package org.praxis.session.domain;

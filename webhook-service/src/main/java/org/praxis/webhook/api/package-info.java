/** REST resources (thin: check the caller, call the domain, map the result) and their request/response records. */
package org.praxis.webhook.api;

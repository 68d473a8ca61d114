package org.praxis.platform.privacy;

/**
 * A service's part of erasing a person (DESIGN flow 7). Implement it once per service; the
 * platform's {@link ErasureRequestedHandler} calls it, once per request, in the inbox transaction,
 * with the caller set to the service acting for the request's tenant.
 */
public interface SubjectErasure {

    /** Erase or pseudonymise what this service holds about {@code subject}, and publish the confirmation. */
    void erase(String subject, String requestId);
}

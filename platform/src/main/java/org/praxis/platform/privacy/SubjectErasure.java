package org.praxis.platform.privacy;

/**
 * A service's part of erasing a person (DESIGN flow 7). Implement it once per service; the
 * platform's {@link ErasureRequestedHandler} calls it, once per request, in the inbox transaction,
 * with the caller set to the service acting for the request's tenant, after the handler erased the
 * person from the platform's own tables ({@link PlatformRecords}) and recorded them in {@link ErasedSubjects}.
 */
public interface SubjectErasure {

    /** Erase or pseudonymise what this service holds about {@code subject}, and publish the confirmation. */
    void erase(String subject, String requestId);
}

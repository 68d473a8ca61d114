package org.praxis.assessment.domain;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock the domain reads today from: the system's, in UTC. Plain unit tests hand a fixed one instead. */
@Singleton
public class SystemClock {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}

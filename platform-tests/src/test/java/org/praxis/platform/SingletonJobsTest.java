package org.praxis.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.praxis.platform.persistence.SingletonJobs;

@QuarkusTest
class SingletonJobsTest {
    @Inject
    SingletonJobs jobs;

    @Test
    void aSecondRunOfTheSameJobSkipsWhileTheFirstRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<String>> first = pool.submit(() -> jobs.runAlone("sweep", () -> {
                started.countDown();
                try {
                    finish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertTrue(started.await(30, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), jobs.runAlone("sweep", () -> "second"), "another replica runs it");
            assertEquals(
                    Optional.of("other"), jobs.runAlone("another-job", () -> "other"), "other jobs are not held up");
            finish.countDown();
            assertEquals(Optional.of("first"), first.get(30, TimeUnit.SECONDS));
            assertEquals(Optional.of("again"), jobs.runAlone("sweep", () -> "again"), "the lock went with the run");
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }
}

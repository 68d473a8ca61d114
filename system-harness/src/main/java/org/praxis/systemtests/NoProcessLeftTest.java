package org.praxis.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Last of the suite: stops every service process it started and checks the process table holds none. */
@Order(Integer.MAX_VALUE)
class NoProcessLeftTest {
    @Test
    void everyServiceProcessTheSuiteStartedIsGone() {
        Suite.stopAll();
        List<String> left = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .filter(line -> line.contains("quarkus-run.jar"))
                .toList();
        assertEquals(List.of(), left, "service processes left behind");
    }
}

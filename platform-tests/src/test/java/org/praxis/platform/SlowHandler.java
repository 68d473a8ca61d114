package org.praxis.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.praxis.platform.events.EventHandler;
import org.praxis.platform.events.IncomingEvent;

/** A handler of another topic that holds its event until a test lets go: is the other topic still served? */
@ApplicationScoped
public class SlowHandler implements EventHandler {
    static final String TOPIC = "platform-test.slow";
    static final CountDownLatch ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @Override
    public String name() {
        return "slow";
    }

    @Override
    public Set<String> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public boolean handles(String type) {
        return true;
    }

    @Override
    public void handle(IncomingEvent event) {
        ENTERED.countDown();
        try {
            RELEASE.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

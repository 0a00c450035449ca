package jp.nakano.planreview.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    /** A clock the test moves. */
    private static final class Moving extends Clock {

        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

    }

    private final Moving clock = new Moving();

    private final LoginThrottle throttle = new LoginThrottle(new AccessLog(), clock);

    @Test
    void shouldLockAUserForAMinuteAfterFiveFailuresAndDoubleWithEachFurtherOne() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("hanako", "10.0.0." + i);
        }
        assertThat(throttle.lockedUntil("hanako", "10.0.0.9")).isNull();

        throttle.failed("Hanako", "10.0.0.5");
        assertThat(throttle.lockedUntil("hanako", "10.0.0.9")).isEqualTo(clock.now.plus(Duration.ofMinutes(1)));

        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(throttle.lockedUntil("hanako", "10.0.0.9")).as("the lock has passed").isNull();
        throttle.failed("hanako", "10.0.0.6");
        assertThat(throttle.lockedUntil("hanako", "10.0.0.9")).isEqualTo(clock.now.plus(Duration.ofMinutes(2)));
        for (int i = 0; i < 10; i++) {
            throttle.failed("hanako", "10.0.0.7");
        }
        assertThat(throttle.lockedUntil("hanako", "10.0.0.9")).as("at most 15 minutes")
            .isEqualTo(clock.now.plus(Duration.ofMinutes(LoginThrottle.MAX_LOCK_MINUTES)));
        assertThat(throttle.lockedUntil("taro", "10.0.0.9")).as("another user").isNull();
    }

    @Test
    void shouldLockAnAddressThatTriesManyNamesAndClearAUserOnSuccess() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("user" + i, "10.9.9.9");
        }
        assertThat(throttle.lockedUntil("taro", "10.9.9.9")).isNotNull();
        assertThat(throttle.lockedUntil("taro", "10.0.0.1")).isNull();

        for (int i = 0; i < 4; i++) {
            throttle.failed("taro", "10.0.0.1");
        }
        throttle.succeeded("taro");
        throttle.failed("taro", "10.0.0.1");
        assertThat(throttle.lockedUntil("taro", "10.0.0.1")).as("counted from the success").isNull();
    }

}

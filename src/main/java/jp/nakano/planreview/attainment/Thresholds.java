package jp.nakano.planreview.attainment;

import java.math.BigDecimal;

/**
 * Where the statuses part, as shares of the pace the trajectory expects (progress ÷ expected progress):
 * at or above {@code onTrack} is 順調, at or above {@code slightlyBehind} やや遅れ, below it 遅れ.
 *
 * @param onTrack default 1.00: at or ahead of the trajectory
 * @param slightlyBehind default 0.80: the "おおむね順調" line common in Japanese municipal reviews
 */
public record Thresholds(BigDecimal onTrack, BigDecimal slightlyBehind) {

    public static final Thresholds DEFAULT = new Thresholds(BigDecimal.ONE, new BigDecimal("0.80"));

    public Thresholds {
        if (slightlyBehind.compareTo(onTrack) > 0 || slightlyBehind.signum() < 0) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= slightlyBehind (" + slightlyBehind
                    + ") <= onTrack (" + onTrack + ")");
        }
    }

}

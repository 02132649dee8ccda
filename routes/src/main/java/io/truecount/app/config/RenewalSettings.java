package io.truecount.app.config;

import java.util.List;
import java.util.Objects;

/**
 * Notices before contracts end ({@code renewals:}, an extension of CONFIG.md).
 *
 * @param noticeDays days before a contract's end a notice goes out, descending ({@code [60, 30]})
 * @param notifyAddress ({@code notify:}) the MSP's address that receives them
 * @param from the sender address; {@code dunning.from} when not given
 */
public record RenewalSettings(List<Integer> noticeDays, String notifyAddress, String from) {

    public RenewalSettings {
        noticeDays = List.copyOf(noticeDays);
        Objects.requireNonNull(notifyAddress, "notifyAddress");
        Objects.requireNonNull(from, "from");
    }
}

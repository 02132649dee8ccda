package io.truecount.sim.msp;

/** The API client the sample MSP registered with a vendor; the simulator accepts exactly these. */
public record SampleCredentials(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "SampleCredentials(" + clientId + ")";
    }
}

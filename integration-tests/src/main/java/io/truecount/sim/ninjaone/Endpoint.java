package io.truecount.sim.ninjaone;

/** The NinjaOne endpoints the simulator serves. */
public enum Endpoint {
    TOKEN("/ws/oauth/token"),
    ORGANIZATIONS("/v2/organizations"),
    DEVICES("/v2/devices-detailed");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static Endpoint ofPath(String path) {
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(path)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("not a simulated NinjaOne endpoint: " + path);
    }
}

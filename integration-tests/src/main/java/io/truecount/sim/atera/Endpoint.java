package io.truecount.sim.atera;

/** The Atera endpoints the simulator serves. */
public enum Endpoint {
    CUSTOMERS("/api/v3/customers"),
    AGENTS("/api/v3/agents");

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
        throw new IllegalArgumentException("not a simulated Atera endpoint: " + path);
    }
}

package io.truecount.sim.atera;

import io.truecount.sim.vendor.Endpoints;

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
        return Endpoints.byPath(values(), Endpoint::path, path, "Atera");
    }
}

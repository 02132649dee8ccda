package io.truecount.sim.halopsa;

import io.truecount.sim.vendor.Endpoints;

/** The HaloPSA endpoints the simulator serves: the auth server's token endpoint and three API listings. */
public enum Endpoint {
    TOKEN("/auth/token"),
    CLIENTS("/api/Client"),
    TICKETS("/api/Tickets"),
    ACTIONS("/api/Actions");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    static Endpoint ofPath(String path) {
        return Endpoints.byPath(values(), Endpoint::path, path, "HaloPSA");
    }
}

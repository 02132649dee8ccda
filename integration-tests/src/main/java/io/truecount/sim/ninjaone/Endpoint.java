package io.truecount.sim.ninjaone;

import io.truecount.sim.vendor.Endpoints;

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
        return Endpoints.byPath(values(), Endpoint::path, path, "NinjaOne");
    }
}

package io.truecount.sim.connectwise;

import io.truecount.sim.vendor.Endpoints;

/** The ConnectWise PSA endpoints the simulator serves, below {@link ConnectWiseSimulator#API_ROOT}. */
public enum Endpoint {
    SYSTEM_INFO("/system/info"),
    COMPANIES("/company/companies"),
    TIME_ENTRIES("/time/entries"),
    TICKETS("/service/tickets");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The full request path, codebase and API version included. */
    public String path() {
        return ConnectWiseSimulator.API_ROOT + path;
    }

    static Endpoint ofPath(String path) {
        return Endpoints.byPath(values(), Endpoint::path, path, "ConnectWise");
    }
}

package io.truecount.sim.datto;

/** The Datto RMM endpoints the simulator serves. */
public enum Endpoint {
    TOKEN("/auth/oauth/token"),
    SITES("/api/v2/account/sites"),
    /** {@code /api/v2/site/{siteUid}/devices}. */
    SITE_DEVICES("/api/v2/site/*/devices");

    static final String SITE_PREFIX = "/api/v2/site/";
    static final String DEVICES_SUFFIX = "/devices";

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The path, with {@code *} for the site uid of {@link #SITE_DEVICES}. */
    public String path() {
        return path;
    }

    static Endpoint ofPath(String path) {
        if (path.equals(TOKEN.path)) {
            return TOKEN;
        }
        if (path.equals(SITES.path)) {
            return SITES;
        }
        if (path.startsWith(SITE_PREFIX) && path.endsWith(DEVICES_SUFFIX)) {
            return SITE_DEVICES;
        }
        throw new IllegalArgumentException("not a simulated Datto endpoint: " + path);
    }

    /** The site uid of a {@link #SITE_DEVICES} path. */
    static String siteUidOf(String path) {
        return path.substring(SITE_PREFIX.length(), path.length() - DEVICES_SUFFIX.length());
    }
}

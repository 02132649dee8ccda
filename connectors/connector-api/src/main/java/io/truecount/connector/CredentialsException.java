package io.truecount.connector;

/**
 * The vendor refused the connector's credentials: the token endpoint answered with an OAuth2 error, or an API call was
 * still unauthorized with a freshly issued token. Retrying will not help; an admin has to fix the credentials or the
 * API client's permissions.
 */
public class CredentialsException extends SourceException {

    private final String url;
    private final String vendorErrorCode;

    /**
     * @param url the endpoint that refused (never carries a secret: credentials travel in headers and bodies)
     * @param vendorErrorCode the vendor's own error code ({@code invalid_client}); null when it gave none
     * @param problem what went wrong, in words an admin can act on
     */
    public CredentialsException(String connectorId, String url, String vendorErrorCode, String problem) {
        super(connectorId, Messages.line(connectorId, problem + " at " + url + codeSuffix(vendorErrorCode)));
        this.url = url;
        this.vendorErrorCode = vendorErrorCode;
    }

    public String url() {
        return url;
    }

    /** The vendor's error code, or null when the vendor gave none. */
    public String vendorErrorCode() {
        return vendorErrorCode;
    }

    private static String codeSuffix(String code) {
        return code == null ? "" : " (vendor error: " + code + ")";
    }
}

package io.truecount.sim.quickbooks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The QuickBooks Online endpoints the simulator serves; {@code *} stands for the company's realm id. */
public enum Endpoint {
    TOKEN("/oauth2/v1/tokens/bearer"),
    INVOICE("/v3/company/*/invoice"),
    QUERY("/v3/company/*/query"),
    COMPANY_INFO("/v3/company/*/companyinfo/*");

    private static final Pattern COMPANY = Pattern.compile("/v3/company/([^/]+)/(invoice|query|companyinfo/([^/]+))");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The path pattern WireMock routes by. */
    String regex() {
        return path.replace("*", "[^/]+");
    }

    static Endpoint ofPath(String path) {
        if (path.equals(TOKEN.path)) {
            return TOKEN;
        }
        Matcher matcher = COMPANY.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a simulated QuickBooks endpoint: " + path);
        }
        return switch (matcher.group(2)) {
            case "invoice" -> INVOICE;
            case "query" -> QUERY;
            default -> COMPANY_INFO;
        };
    }

    /** The realm ids a company path names: one, or two for company info ({@code /companyinfo/{realmId}}). */
    static String[] realmsOf(String path) {
        Matcher matcher = COMPANY.matcher(path);
        if (!matcher.matches()) {
            return new String[0];
        }
        return matcher.group(3) == null
                ? new String[] {matcher.group(1)}
                : new String[] {matcher.group(1), matcher.group(3)};
    }
}

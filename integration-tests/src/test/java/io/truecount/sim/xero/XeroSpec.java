package io.truecount.sim.xero;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Xero's published Accounting API spec (xero_accounting.yaml, v16.1.0, XeroAPI/Xero-OpenAPI) as a simulator
 * {@link Conformance}: a request whose parameters, headers or body do not conform is refused before it is served.
 * The 900 KB spec is parsed once per JVM.
 */
final class XeroSpec implements Conformance {

    static final String RESOURCE = "/vendor-specs/xero/xero_accounting.yaml";

    private static final class Holder {
        static final OpenApiInteractionValidator VALIDATOR =
                OpenApiInteractionValidator.createForInlineApiSpecification(read())
                        .build();
    }

    static final XeroSpec INSTANCE = new XeroSpec();

    private XeroSpec() {}

    @Override
    public List<String> problems(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
        query.forEach(request::withQueryParam);
        headers.forEach(request::withHeader);
        if (!body.isEmpty()) {
            request.withBody(body);
        }
        ValidationReport report = Holder.VALIDATOR.validateRequest(request.build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String read() {
        try (InputStream in = XeroSpec.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

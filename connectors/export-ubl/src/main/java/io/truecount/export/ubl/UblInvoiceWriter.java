package io.truecount.export.ubl;

import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl21.UBL21Marshaller;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/**
 * Writes a Truecount invoice as a UBL 2.1 Invoice conforming to EN 16931.
 *
 * <p>Rejects, with an {@link IllegalArgumentException}, an invoice whose own figures disagree (lines not summing to the
 * subtotal, a tax category its rate cannot have): such a document would be wrong, however well formed.
 */
public final class UblInvoiceWriter {

    private final InvoiceMapper mapper = new InvoiceMapper();

    public UblInvoiceWriter() {}

    /** Writes the invoice as UBL 2.1 XML (UTF-8). */
    public void write(Company seller, Customer buyer, Invoice invoice, OutputStream out) {
        Objects.requireNonNull(out, "out");
        byte[] xml = toXml(seller, buyer, invoice);
        try {
            out.write(xml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write UBL invoice " + invoice.number(), e);
        }
    }

    /** Convenience: the XML as bytes. */
    public byte[] toXml(Company seller, Customer buyer, Invoice invoice) {
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(invoice, "invoice");
        InvoiceType document = mapper.map(seller, buyer, invoice);
        ErrorList schemaErrors = new ErrorList();
        // ph-ubl checks the document against the UBL 2.1 XSD while marshalling and returns null when it fails.
        byte[] xml = UBL21Marshaller.invoice()
                .setFormattedOutput(true)
                .setCharset(StandardCharsets.UTF_8)
                .setCollectErrors(schemaErrors)
                .getAsBytes(document);
        if (xml == null) {
            throw new IllegalStateException("UBL invoice " + invoice.number() + " does not match the UBL 2.1 schema: "
                    + schemaErrors.getAllErrors().getAllTexts(Locale.ROOT));
        }
        return xml;
    }
}

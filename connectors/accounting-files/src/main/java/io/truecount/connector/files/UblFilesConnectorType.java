package io.truecount.connector.files;

import io.truecount.export.ubl.UblInvoiceWriter;

/** {@code type: ubl-files}: one UBL 2.1 / EN 16931 invoice per file, {@code <directory>/<invoice number>.xml}. */
public final class UblFilesConnectorType extends FileSinkType {

    @Override
    public String name() {
        return "ubl-files";
    }

    @Override
    InvoiceFormat format() {
        UblInvoiceWriter writer = new UblInvoiceWriter();
        return new InvoiceFormat(
                "xml", request -> writer.toXml(request.company(), request.customer(), request.invoice()));
    }
}

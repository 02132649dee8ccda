package io.truecount.connector.files;

/** {@code type: csv-files}: one CSV per invoice for accounting importers, {@code <directory>/<invoice number>.csv}. */
public final class CsvFilesConnectorType extends FileSinkType {

    @Override
    public String name() {
        return "csv-files";
    }

    @Override
    InvoiceFormat format() {
        return new InvoiceFormat("csv", CsvInvoiceWriter::write);
    }
}

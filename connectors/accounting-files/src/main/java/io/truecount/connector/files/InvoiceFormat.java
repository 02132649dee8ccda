package io.truecount.connector.files;

import io.truecount.connector.push.PushRequest;
import java.util.function.Function;

/**
 * A file format: its extension and how an invoice becomes bytes. Rendering must be deterministic, so that pushing the
 * same invoice again writes the same file.
 */
record InvoiceFormat(String extension, Function<PushRequest, byte[]> render) {}

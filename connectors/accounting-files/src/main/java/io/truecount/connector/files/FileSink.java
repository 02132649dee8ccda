package io.truecount.connector.files;

import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes each invoice to {@code <directory>/<invoice number>.<extension>}. A file appears whole or not at all (written
 * to a temporary file in the same directory, then moved over the name atomically), so an importer watching the
 * directory never reads half an invoice, and the file's existence is the receipt.
 */
final class FileSink implements SinkConnector {

    // Invoice numbers come from the company's prefix and a sequence; anything that could leave the directory or
    // is not portable across file systems is refused rather than rewritten, so a name always maps back to its invoice.
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String connectorId;
    private final Path directory;
    private final InvoiceFormat format;

    FileSink(String connectorId, Path directory, InvoiceFormat format) {
        this.connectorId = connectorId;
        this.directory = directory.toAbsolutePath().normalize();
        this.format = format;
    }

    /** The directory exists (or can be made) and takes files. */
    @Override
    public void checkConnection() {
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".truecount-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw SourceException.of(connectorId, "cannot write files in " + directory + ": " + reason(e));
        }
    }

    @Override
    public Optional<PushReceipt> find(PushRequest request) {
        Path file = fileOf(request);
        return Files.isRegularFile(file) ? Optional.of(receipt(file)) : Optional.empty();
    }

    /** Writes (or rewrites, with the same bytes for the same invoice) the invoice's file. */
    @Override
    public PushReceipt push(PushRequest request) {
        Path file = fileOf(request);
        byte[] bytes = render(request);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (AccessDeniedException e) {
            throw SourceException.of(connectorId, "cannot write " + file + ": permission denied");
        } catch (IOException e) {
            // A full disk or a network share that went away may recover; the outbox looks with find() and retries.
            throw new SourceUnavailableException(connectorId, file.toUri().toString(), null, reason(e), e);
        } finally {
            deleteQuietly(temp);
        }
        return receipt(file);
    }

    private byte[] render(PushRequest request) {
        try {
            return format.render().apply(request);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SourceException.of(
                    connectorId, "invoice " + request.invoice().number() + " cannot be written: " + e.getMessage());
        }
    }

    private Path fileOf(PushRequest request) {
        String number = request.invoice().number();
        if (!SAFE_NAME.matcher(number).matches()) {
            throw SourceException.of(
                    connectorId, "invoice number '" + number + "' cannot be a file name (letters, digits, . _ - only)");
        }
        return directory.resolve(number + "." + format.extension());
    }

    private static PushReceipt receipt(Path file) {
        return new PushReceipt(file.getFileName().toString(), null, file.toString());
    }

    private static String reason(IOException e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // A stray hidden .tmp file is harmless; the write error already tells the admin what went wrong.
        }
    }
}

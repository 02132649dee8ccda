package io.truecount.connector.paging;

/**
 * A record, or a page body, is not the shape a mapper or paginator expects. Thrown by vendor mappers, which know
 * neither URL nor page number; the {@link PageReader} turns it into a
 * {@link io.truecount.connector.MalformedPageException} that names both.
 */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String problem) {
        super(problem);
    }
}

package io.truecount.app.notice;

/** A notice that could not be sent; its claim was rolled back, so the next run tries again. */
class NoticeFailedException extends RuntimeException {

    NoticeFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.truecount.app.api;

import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's failures into RFC 7807 problem details: the standard exceptions services throw map to 400, 404 and
 * 409; Spring MVC's own (bad JSON, a wrong parameter type, {@code ResponseStatusException}) come from the base class.
 * A detail is one line for a person: never a stack trace or an exception's class name. Anything unforeseen is a 500
 * whose cause goes to the server log only, since its message may name internals.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), "the request is not valid");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), "no such resource");
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), "not allowed in the current state");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            // Spring Security turns these into 401 and 403 itself; the base class handles ErrorResponses.
            throw e;
        }
        LOG.error("API request failed", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR, null, "the server could not complete the request; see its log");
    }

    static ProblemDetail problem(HttpStatus status, String message, String fallback) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, oneLine(message, fallback));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** A message for a person: its first line, or the fallback when the exception said nothing useful. */
    private static String oneLine(String message, String fallback) {
        if (message == null || message.isBlank() || message.equals("No value present")) {
            return fallback;
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

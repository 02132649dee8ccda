package io.truecount.app.config;

import io.truecount.connector.Secret;
import java.util.Objects;

/**
 * The SMTP server notices go through ({@code mail:}, an extension of CONFIG.md).
 *
 * @param username null for a server that takes mail without logging in
 * @param password with {@code username}; from {@code ${ENV}} or {@code file:} only, never written literally
 * @param starttls upgrade the connection with STARTTLS and refuse to send without it
 */
public record MailSettings(String host, int port, String username, Secret password, boolean starttls) {

    public static final int DEFAULT_PORT = 587;

    public MailSettings {
        Objects.requireNonNull(host, "host");
    }
}

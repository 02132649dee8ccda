package io.truecount.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's cookie settings ({@code truecount.security.*}, or {@code TRUECOUNT_SECURITY_*} in the environment).
 *
 * @param secureCookies mark the session and CSRF cookies {@code Secure} (browsers then send them over HTTPS only); turn
 *     on whenever the server is reached over HTTPS, e.g. behind a TLS-terminating proxy. Off by default because the
 *     zero-configuration server speaks plain HTTP on localhost, where a Secure cookie would never come back.
 */
@ConfigurationProperties("truecount.security")
record SecuritySettings(@DefaultValue("false") boolean secureCookies) {}

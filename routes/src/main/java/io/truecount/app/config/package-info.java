/**
 * Loads the admin's YAML (CONFIG.md): resolves includes, environment variables and secret references, validates every
 * key and value, and reports all errors at once as {@code FILE:LINE:COLUMN: message}. Entry point:
 * {@link io.truecount.app.config.ConfigLoader}; the result is a {@link io.truecount.app.config.TruecountConfig} of
 * billing-core and connector-api records.
 */
package io.truecount.app.config;

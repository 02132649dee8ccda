/**
 * The command line of OUTPUTS.md: {@code validate}, {@code cycle}, {@code serve}, and the extensions {@code invoice}
 * (review and lifecycle decisions) and {@code prepaid} (prepaid-hours balances). Commands load the configuration first
 * and start Spring only with a valid one; errors are one line each, stack traces only with {@code --verbose}.
 */
package io.truecount.app.cli;

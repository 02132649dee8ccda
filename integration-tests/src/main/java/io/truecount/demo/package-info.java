/** The one-command demo: simulators plus a full billing cycle, started by {@code ./demo}. */
package io.truecount.demo;

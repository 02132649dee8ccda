/** The Autotask PSA source connector. */
package io.truecount.connector.autotask;

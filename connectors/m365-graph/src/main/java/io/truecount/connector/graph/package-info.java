/** The Microsoft 365 (Graph) source connector. */
package io.truecount.connector.graph;

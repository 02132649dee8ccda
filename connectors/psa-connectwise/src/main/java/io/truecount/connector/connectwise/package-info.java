/** The ConnectWise PSA (Manage) source connector. */
package io.truecount.connector.connectwise;

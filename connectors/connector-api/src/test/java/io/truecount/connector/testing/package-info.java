/**
 * Test helpers every connector module reuses through this module's test-jar: a JUnit extension with a Camel context, a
 * WireMock server on a free port and a controllable clock; a settings builder with fast retries; a sink that collects.
 */
package io.truecount.connector.testing;

/**
 * Reading vendor JSON the same way in every connector: decimals exactly (never through a binary float), trailing
 * garbage rejected, and the vendor's error code found in an error body.
 */
package io.truecount.connector.json;

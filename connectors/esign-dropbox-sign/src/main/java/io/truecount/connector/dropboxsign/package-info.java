/** Dropbox Sign signature request callbacks. */
package io.truecount.connector.dropboxsign;

/** UBL 2.1 / EN 16931 and CSV invoice files for importers. */
package io.truecount.connector.files;

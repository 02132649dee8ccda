/** Which PostgreSQL a command uses: a server by URL, or an embedded one under a data directory. */
package io.truecount.app.db;

/** Sync routes (on demand and Quartz-scheduled, from templates), the sync service and where observations are stored. */
package io.truecount.app.sync;

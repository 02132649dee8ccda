/** Turns observations into billable counts: managed, not stale, one per physical device. */
package io.truecount.core.counting;

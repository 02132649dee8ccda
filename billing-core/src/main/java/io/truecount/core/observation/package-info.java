/** What sources report, in Truecount's vocabulary: organizations and assets, mapped by each connector. */
package io.truecount.core.observation;

/** What the MSP sells: company, customers, contracts and their line types, as the admin configured them. */
package io.truecount.core.contract;

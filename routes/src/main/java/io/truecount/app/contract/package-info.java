/**
 * The state of contracts beyond what the admin wrote: whether their e-signature completed (from webhook effects) and
 * how far auto-renewal has extended them. {@link io.truecount.app.contract.ContractStates} turns the configured
 * contracts into the ones a cycle bills.
 */
package io.truecount.app.contract;

/**
 * A Microsoft 365 simulator (issue 4): Entra ID tokens per tenant, GDAP customers, {@code subscribedSkus} and
 * {@code /users/delta} with real delta semantics, from a {@link io.truecount.sim.graph.GraphData} set that tests change
 * between syncs.
 */
package io.truecount.sim.graph;

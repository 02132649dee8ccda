/**
 * A deterministic sample MSP: customers, their NinjaOne organizations and devices, the ground truth a billing run must
 * arrive at, and an admin YAML with contracts for it. The simulators and the one-command demo draw on the same data,
 * so every vendor simulator sees the same customers.
 */
package io.truecount.sim.msp;

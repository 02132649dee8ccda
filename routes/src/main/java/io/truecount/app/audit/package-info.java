/**
 * The audit log: every approval, hold, void, push, reconciliation decision, replay, configuration change, trigger and
 * token change, with who did it, when and why. Records join the caller's transaction, so a change and its audit row
 * are stored together or not at all.
 */
package io.truecount.app.audit;

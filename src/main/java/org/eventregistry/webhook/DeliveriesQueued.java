package org.eventregistry.webhook;

/** Fired in the transaction that queued deliveries or resumed a subscription; heard after the commit to wake delivery. */
record DeliveriesQueued(String webhookId) {
}

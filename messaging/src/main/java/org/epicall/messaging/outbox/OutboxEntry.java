package org.epicall.messaging.outbox;

/**
 * One record waiting in the outbox for Kafka to acknowledge it.
 *
 * @param sequence position in the outbox, increasing in append order across restarts
 * @param topic    destination topic
 * @param key      record key (the contact reference, UTF-8)
 * @param value    record value (the event's JSON)
 */
public record OutboxEntry(long sequence, String topic, byte[] key, byte[] value) {
}

package org.epicall.messaging;

import java.util.List;

/**
 * Takes one poll's worth of records in two phases around the commit of their offsets, so that an
 * effect that must not happen twice (ringing a resident) happens only after the consumer group has
 * recorded that this consumer, and no other, owns the record.
 *
 * <p>Every method is called on the consumer's own thread, one poll at a time: {@link #prepare}, then
 * the commit, then {@link #committed} and, if any, {@link #notCommitted}. Records come in offset
 * order per partition.
 *
 * @param <T> the record's value
 */
public interface BatchHandler<T> {

    /** What became of a record in {@link #prepare}. */
    enum Verdict {
        /** Done with: its offset may be committed. */
        DONE,
        /** Offer it again shortly; it and every later record of its partition are not committed now. */
        AGAIN
    }

    /**
     * Phase one, before the commit: makes durable whatever must survive the source forgetting the
     * records, and nothing that cannot be undone should the commit fail. A record after an AGAIN in
     * its partition is not committed whatever its verdict; it is handed to {@link #notCommitted} if
     * it was DONE.
     *
     * @return one verdict per record, in order
     * @throws RuntimeException to have the whole poll offered again after a pause; nothing is committed
     */
    List<Verdict> prepare(List<T> records);

    /** Phase two: these DONE records' offsets are committed; this group will not offer them again. */
    void committed(List<T> records);

    /**
     * Phase two, instead of {@link #committed}: these records were DONE, but their offsets were not
     * committed (the commit failed, say after a rebalance, or an earlier record of their partition
     * must come again). They will be offered again, perhaps to another consumer in the group.
     */
    void notCommitted(List<T> records);
}

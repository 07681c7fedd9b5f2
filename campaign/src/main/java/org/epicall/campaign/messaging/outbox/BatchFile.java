package org.epicall.campaign.messaging.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One group-committed batch of outbox entries in a file of its own. Each entry is framed as
 * {@code [int length][int crc32c][long sequence][short topic length][topic][int key length][key]
 * [int value length][value]}; a torn tail (a crash during the write, before the fsync returned and
 * so before any caller was told its record was kept) fails the length or CRC check and is dropped.
 */
final class BatchFile {

    static final String SUFFIX = ".outbox";
    private static final int HEADER = Integer.BYTES * 2;

    private BatchFile() {
    }

    static Path name(Path directory, long firstSequence) {
        return directory.resolve(String.format("%020d%s", firstSequence, SUFFIX));
    }

    /** Writes the entries and forces them, and the directory entry, to disk. */
    static void write(Path file, List<OutboxEntry> entries) throws IOException {
        int size = 0;
        for (OutboxEntry e : entries) {
            size += HEADER + bodySize(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        CRC32C crc = new CRC32C();
        for (OutboxEntry e : entries) {
            int bodySize = bodySize(e);
            buffer.putInt(bodySize);
            int crcPosition = buffer.position();
            buffer.putInt(0);
            int bodyStart = buffer.position();
            byte[] topic = e.topic().getBytes(StandardCharsets.UTF_8);
            buffer.putLong(e.sequence()).putShort((short) topic.length).put(topic)
                    .putInt(e.key().length).put(e.key()).putInt(e.value().length).put(e.value());
            crc.reset();
            crc.update(buffer.array(), bodyStart, bodySize);
            buffer.putInt(crcPosition, (int) crc.getValue());
        }
        buffer.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        forceDirectory(file.getParent());
    }

    static List<OutboxEntry> read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        List<OutboxEntry> entries = new ArrayList<>();
        CRC32C crc = new CRC32C();
        while (buffer.remaining() >= HEADER) {
            int bodySize = buffer.getInt();
            int expectedCrc = buffer.getInt();
            if (bodySize <= 0 || bodySize > buffer.remaining()) {
                break;
            }
            crc.reset();
            crc.update(buffer.array(), buffer.position(), bodySize);
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            long sequence = buffer.getLong();
            byte[] topic = new byte[buffer.getShort()];
            buffer.get(topic);
            byte[] key = new byte[buffer.getInt()];
            buffer.get(key);
            byte[] value = new byte[buffer.getInt()];
            buffer.get(value);
            entries.add(new OutboxEntry(sequence, new String(topic, StandardCharsets.UTF_8), key, value));
        }
        return entries;
    }

    private static int bodySize(OutboxEntry e) {
        return Long.BYTES + Short.BYTES + e.topic().getBytes(StandardCharsets.UTF_8).length
                + Integer.BYTES + e.key().length + Integer.BYTES + e.value().length;
    }

    /** A new file's name is durable only once its directory is forced too. */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}

package org.epicall.messaging.outbox;

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
 * The on-disk form of outbox entries: a segment file that group commits append to. Each entry is
 * framed as {@code [int length][int crc32c][long sequence][short topic length][topic]
 * [int key length][key][int value length][value]}. A torn tail (a crash during a write, before the
 * fsync returned and so before any caller was told its record was kept) fails the length or CRC
 * check and is dropped on reading.
 */
final class SegmentFile {

    static final String SUFFIX = ".outbox";
    private static final int HEADER = Integer.BYTES * 2;

    private SegmentFile() {
    }

    static Path name(Path directory, long firstSequence) {
        return directory.resolve(String.format("%020d%s", firstSequence, SUFFIX));
    }

    /** Creates an empty segment and makes its directory entry durable. */
    static FileChannel create(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory(file.getParent());
        return channel;
    }

    /** Appends the entries and forces them to disk; returns once they would survive a power cut. */
    static void append(FileChannel channel, List<OutboxEntry> entries) throws IOException {
        ByteBuffer buffer = encode(entries);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Writes a complete segment in one go (used to rewrite a partly delivered one). */
    static void write(Path file, List<OutboxEntry> entries) throws IOException {
        try (FileChannel channel = create(file)) {
            append(channel, entries);
        }
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

    private static ByteBuffer encode(List<OutboxEntry> entries) {
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
        return buffer.flip();
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

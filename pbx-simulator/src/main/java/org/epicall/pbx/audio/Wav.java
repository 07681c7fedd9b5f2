package org.epicall.pbx.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes RIFF/WAVE files holding {@link Pcm} audio (8 kHz mono 16-bit), as Asterisk's wav format. */
public final class Wav {

    private static final int HEADER_BYTES = 44;

    private Wav() {
    }

    public static Pcm read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a WAVE stream; {@code name} names the source in error messages.
     *
     * @throws IOException if the stream is not an 8 kHz mono 16-bit PCM WAVE file
     */
    public static Pcm read(InputStream in, String name) throws IOException {
        ByteBuffer all = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (all.remaining() < 12 || all.getInt(0) != 0x46464952 || all.getInt(8) != 0x45564157) {
            throw new IOException(name + ": not a RIFF/WAVE file");
        }
        int position = 12;
        boolean formatChecked = false;
        while (position + 8 <= all.limit()) {
            int id = all.getInt(position);
            int size = all.getInt(position + 4);
            int body = position + 8;
            if (size < 0 || body + size > all.limit()) {
                size = all.limit() - body;
            }
            if (id == 0x20746d66) { // "fmt "
                checkFormat(all, body, name);
                formatChecked = true;
            } else if (id == 0x61746164) { // "data"
                if (!formatChecked) {
                    throw new IOException(name + ": WAVE data chunk before its fmt chunk");
                }
                byte[] samples = new byte[size - size % 2];
                all.get(body, samples);
                return Pcm.of(samples);
            }
            position = body + size + (size & 1);
        }
        throw new IOException(name + ": WAVE file has no data chunk");
    }

    private static void checkFormat(ByteBuffer all, int body, String name) throws IOException {
        int format = Short.toUnsignedInt(all.getShort(body));
        int channels = all.getShort(body + 2);
        int rate = all.getInt(body + 4);
        int bits = all.getShort(body + 14);
        if (format != 1 || channels != 1 || rate != Pcm.SAMPLE_RATE || bits != 16) {
            throw new IOException(name + ": expected 8000 Hz mono 16-bit PCM, found format " + format + ", "
                    + rate + " Hz, " + channels + " channel(s), " + bits + " bits; convert it with "
                    + "'sox IN -r 8000 -c 1 -b 16 OUT.wav'");
        }
    }

    public static void write(Path file, Pcm pcm) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, pcm);
        }
    }

    public static void write(OutputStream out, Pcm pcm) throws IOException {
        byte[] samples = pcm.rawBytes();
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0x46464952).putInt(36 + samples.length).putInt(0x45564157);
        header.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(Pcm.SAMPLE_RATE).putInt(Pcm.SAMPLE_RATE * Pcm.BYTES_PER_SAMPLE)
                .putShort((short) Pcm.BYTES_PER_SAMPLE).putShort((short) 16);
        header.putInt(0x61746164).putInt(samples.length);
        out.write(header.array());
        out.write(samples);
    }

    /** Writes headerless signed-linear samples, Asterisk's {@code sln} format. */
    public static void writeRaw(Path file, Pcm pcm) throws IOException {
        Files.write(file, pcm.rawBytes());
    }
}

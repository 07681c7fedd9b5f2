package org.epicall.pbx.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes one connection's outgoing messages on a thread of its own, batching whatever queued up into
 * one flush. A peer that stops reading is disconnected once {@code maxQueued} messages wait, as Asterisk drops
 * a session past its writetimeout. Thread-safe.
 */
final class AmiOutbox {

    private static final Logger log = LoggerFactory.getLogger(AmiOutbox.class);
    private static final byte[] CLOSE = new byte[0];

    private final Socket socket;
    private final LinkedBlockingQueue<byte[]> queue;
    private volatile boolean closed;

    AmiOutbox(Socket socket, int maxQueued) {
        this.socket = socket;
        this.queue = new LinkedBlockingQueue<>(maxQueued);
        // A platform thread: AMI connections are few, and a virtual one would queue behind thousands of
        // FastAGI sessions on the carrier threads, delaying every client's events.
        Thread.ofPlatform().name("ami-out-" + socket.getPort()).daemon().start(this::drain);
    }

    /** Queues a message; false if the connection is closed or its peer is too far behind. */
    boolean send(byte[] message) {
        if (closed) {
            return false;
        }
        if (!queue.offer(message)) {
            log.warn("AMI client {} is not reading; {} messages waiting, disconnecting it",
                    socket.getRemoteSocketAddress(), queue.size());
            abort();
            return false;
        }
        return true;
    }

    /** Writes what is queued, then closes the connection. */
    void closeAfterFlush() {
        if (!closed) {
            closed = true;
            while (!queue.offer(CLOSE)) {
                queue.poll();
            }
        }
    }

    /** Closes the connection at once, dropping what is queued. */
    void abort() {
        closed = true;
        queue.clear();
        queue.offer(CLOSE);
        closeSocket();
    }

    boolean isClosed() {
        return closed;
    }

    private void drain() {
        List<byte[]> batch = new ArrayList<>(256);
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, 4096);
                for (byte[] message : batch) {
                    if (message == CLOSE) {
                        out.flush();
                        return;
                    }
                    out.write(message);
                }
                batch.clear();
                out.flush();
            }
        } catch (IOException e) {
            log.debug("AMI connection {} closed while writing: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
            closeSocket();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing AMI socket", e);
        }
    }
}

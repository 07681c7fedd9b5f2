package org.epicall.dialer.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a client and a server that a test can sabotage: cut every connection (as a
 * network failure would), or slip bytes into what the client receives.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private volatile boolean silent;

    private record Link(Socket client, Socket server, OutputStream toClient) {
        void close() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket();
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Open relayed connections. */
    public int connections() {
        return links.size();
    }

    /** Drops every relayed connection at once; new connections are still accepted. */
    public void cut() {
        links.forEach(Link::close);
        links.clear();
    }

    /** While refusing, new connections are closed as soon as they are accepted (the server looks down). */
    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /**
     * While silent, what the server sends is swallowed: the connections stay open but the client
     * hears nothing (a hung server, or a network that drops packets).
     */
    public void silence(boolean silence) {
        this.silent = silence;
    }

    /** Writes raw bytes to every client, between whole chunks of the server's stream. */
    public void injectToClients(byte[] bytes) {
        for (Link link : links) {
            synchronized (link.toClient()) {
                try {
                    link.toClient().write(bytes);
                    link.toClient().flush();
                } catch (IOException e) {
                    // that link is gone
                }
            }
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Link link = new Link(client, server, client.getOutputStream());
                links.add(link);
                Thread.ofVirtual().start(() -> pump(link, server, link.toClient(), true));
                OutputStream toServer = server.getOutputStream();
                Thread.ofVirtual().start(() -> pump(link, client, toServer, false));
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its socket close
            }
        }
    }

    private void pump(Link link, Socket from, OutputStream to, boolean towardsClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (towardsClient && silent) {
                    continue;
                }
                synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // closed by cut() or by a peer
        } finally {
            link.close();
            links.remove(link);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

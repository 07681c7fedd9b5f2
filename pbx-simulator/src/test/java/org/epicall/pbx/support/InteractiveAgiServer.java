package org.epicall.pbx.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A FastAGI server a test drives command by command, to check each reply of the simulator's Asterisk side.
 */
public final class InteractiveAgiServer implements AutoCloseable {

    private final ServerSocket server;
    private final LinkedBlockingQueue<Connection> connections = new LinkedBlockingQueue<>();

    public InteractiveAgiServer() throws IOException {
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    connections.add(new Connection(server.accept()));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    public URI url(String script) {
        return URI.create("agi://127.0.0.1:" + server.getLocalPort() + "/" + script);
    }

    /** The next connection from the simulator, with its environment read. */
    public Connection accept() throws IOException, InterruptedException {
        Connection connection = connections.poll(AmiTestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (connection == null) {
            throw new AssertionError("the simulator did not connect to the FastAGI server within " + AmiTestClient.WAIT);
        }
        connection.readEnvironment();
        return connection;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One FastAGI connection. */
    public static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final List<String> environment = new ArrayList<>();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.socket.setSoTimeout((int) AmiTestClient.WAIT.toMillis());
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void readEnvironment() throws IOException {
            String line;
            while ((line = readLine()) != null && !line.isEmpty()) {
                environment.add(line);
            }
        }

        public List<String> environment() {
            return environment;
        }

        public String env(String key) {
            return environment.stream().filter(l -> l.startsWith(key + ": ")).map(l -> l.substring(key.length() + 2))
                    .findFirst().orElse(null);
        }

        /** Sends a command and returns every line up to and including its final reply line. */
        public List<String> command(String command) throws IOException {
            sendRaw((command + "\n").getBytes(StandardCharsets.UTF_8));
            return readReply();
        }

        /** The lines up to and including the next final reply line. */
        public List<String> readReply() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = readLine()) != null) {
                lines.add(line);
                if (line.length() >= 4 && Character.isDigit(line.charAt(0)) && line.charAt(3) == ' ') {
                    break;
                }
            }
            return lines;
        }

        /** The single last line of a command's reply (unsolicited HANGUP lines skipped). */
        public String reply(String command) throws IOException {
            List<String> lines = command(command);
            return lines.isEmpty() ? null : lines.getLast();
        }

        /** Reads one line the simulator sent without being asked (e.g. HANGUP), or null at end of stream. */
        public String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }

        public void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

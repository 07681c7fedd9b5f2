package org.epicall.pbx.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;


/**
 * A FastAGI server for tests that plays a fixed script: for each accepted connection it reads the agi_*
 * environment, then sends each command and reads its whole reply (unsolicited HANGUP lines and the 520-
 * continuation lines included), then closes the socket. What it saw is kept per connection.
 */
public final class ScriptedAgiServer implements AutoCloseable {

    /** One connection: the environment lines and, per command, the reply lines. */
    public record Session(List<String> environment, List<Exchange> exchanges, boolean completed) {
    }

    public record Exchange(String command, List<String> reply) {
    }

    private static final int TRAILING_READ_MILLIS = 200;

    private final ServerSocket server;
    private final List<String> script;
    private final boolean lingers;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    public ScriptedAgiServer(List<String> script) throws IOException {
        this(script, false);
    }

    /**
     * @param lingers read on after the last reply until the line goes quiet, as a reference server that waited
     *                for its read timeout did (so a trailing unsolicited HANGUP is seen), instead of closing at once
     */
    public ScriptedAgiServer(List<String> script, boolean lingers) throws IOException {
        this.script = List.copyOf(script);
        this.lingers = lingers;
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public URI url(String scriptName) {
        return URI.create("agi://127.0.0.1:" + server.getLocalPort() + "/" + scriptName);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    public Session awaitSession() {
        AmiTestClient.waiting().until(() -> !sessions.isEmpty() && sessions.getFirst().completed());
        return sessions.getFirst();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        List<String> environment = new ArrayList<>();
        List<Exchange> exchanges = new ArrayList<>();
        boolean completed = false;
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                environment.add(line);
            }
            for (String command : script) {
                out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                List<String> reply = new ArrayList<>();
                while ((line = readLine(in)) != null) {
                    reply.add(line);
                    if (isFinal(line)) {
                        break;
                    }
                }
                exchanges.add(new Exchange(command, reply));
                if (line == null) {
                    break;
                }
            }
            // Asterisk may still send an unsolicited HANGUP after the last reply (agi-25, agi-28): the reference
            // server read on until its read timed out, so the line belongs to the last exchange.
            if (lingers && !exchanges.isEmpty()) {
                socket.setSoTimeout(TRAILING_READ_MILLIS);
                try {
                    while ((line = readLine(in)) != null) {
                        exchanges.getLast().reply().add(line);
                    }
                } catch (SocketTimeoutException e) {
                    // nothing more came
                }
            }
            completed = true;
        } catch (IOException e) {
            completed = true;
        } finally {
            sessions.add(new Session(environment, exchanges, completed));
        }
    }

    private static boolean isFinal(String line) {
        return line.length() >= 4 && Character.isDigit(line.charAt(0)) && line.charAt(3) == ' ';
    }

    private static String readLine(InputStream in) throws IOException {
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}

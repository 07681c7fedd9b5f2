package org.epicall.pbx.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.core.ConditionFactory;

import static org.awaitility.Awaitility.await;

/**
 * A deliberately dumb AMI client for tests: writes exactly the bytes it is given and records every message
 * the server sends, in order. Waiting is bounded (Awaitility), never a bare sleep.
 */
public final class AmiTestClient implements AutoCloseable {

    /** Generous: the condition is usually met in milliseconds, and a loaded CI machine must not turn that into a failure. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    /** Awaitility polling often: a simulated call takes milliseconds, and these waits add up over a test run. */
    public static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private final Socket socket;
    private final OutputStream out;
    private final List<Map<String, String>> messages = new CopyOnWriteArrayList<>();
    private final List<List<String[]>> rawMessages = new CopyOnWriteArrayList<>();
    private volatile String banner;
    private volatile boolean closedByServer;
    private int consumed;

    private AmiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread.ofVirtual().start(this::readLoop);
        waiting().until(() -> banner != null || closedByServer);
    }

    public static AmiTestClient connect(int port) throws IOException {
        return new AmiTestClient(new Socket("127.0.0.1", port));
    }

    /** Connects and logs in with events on; returns once the login response arrived. */
    public static AmiTestClient loggedIn(int port, String user, String secret, boolean events) throws IOException {
        AmiTestClient client = connect(port);
        client.send("Action: Login", "ActionID: login-1", "Username: " + user, "Secret: " + secret,
                "Events: " + (events ? "on" : "off"));
        Map<String, String> response = client.awaitResponse("login-1");
        if (!"Success".equals(response.get("Response"))) {
            throw new IllegalStateException("login failed: " + response);
        }
        return client;
    }

    public String banner() {
        return banner;
    }

    /** Sends the lines as one message (CRLF each, then the blank line). */
    public void send(String... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append("\r\n");
        }
        sendRaw(text.append("\r\n").toString());
    }

    public void sendRaw(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Every message received so far. */
    public List<Map<String, String>> received() {
        return List.copyOf(messages);
    }

    /** Every message received so far, with repeated headers kept. */
    public List<List<String[]>> receivedRaw() {
        return List.copyOf(rawMessages);
    }

    public Map<String, String> awaitResponse(String actionId) {
        return awaitMessage(m -> m.containsKey("Response") && actionId.equals(m.get("ActionID")));
    }

    public Map<String, String> awaitEvent(String event, Predicate<Map<String, String>> matching) {
        return awaitMessage(m -> event.equals(m.get("Event")) && matching.test(m));
    }

    public Map<String, String> awaitEvent(String event) {
        return awaitEvent(event, m -> true);
    }

    public Map<String, String> awaitMessage(Predicate<Map<String, String>> matching) {
        return waiting().until(() -> find(matching), found -> found != null);
    }

    /** The next message after those already taken by this method, waiting for it. */
    public Map<String, String> next() {
        waiting().until(() -> messages.size() > consumed);
        return messages.get(consumed++);
    }

    private Map<String, String> find(Predicate<Map<String, String>> matching) {
        for (Map<String, String> message : messages) {
            if (matching.test(message)) {
                return message;
            }
        }
        return null;
    }

    public List<Map<String, String>> events(String event) {
        List<Map<String, String>> found = new ArrayList<>();
        for (Map<String, String> message : messages) {
            if (event.equals(message.get("Event"))) {
                found.add(message);
            }
        }
        return found;
    }

    public void awaitClosedByServer() {
        waiting().until(() -> closedByServer);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    private void readLoop() {
        try (InputStream in = socket.getInputStream()) {
            StringBuilder line = new StringBuilder();
            Map<String, String> current = new LinkedHashMap<>();
            List<String[]> currentRaw = new ArrayList<>();
            int b;
            while ((b = in.read()) >= 0) {
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String text = line.toString();
                line.setLength(0);
                if (!text.endsWith("\r")) {
                    throw new IllegalStateException("AMI line not ended by CRLF: " + text);
                }
                text = text.substring(0, text.length() - 1);
                if (banner == null) {
                    banner = text;
                    continue;
                }
                if (text.isEmpty()) {
                    messages.add(current);
                    rawMessages.add(currentRaw);
                    current = new LinkedHashMap<>();
                    currentRaw = new ArrayList<>();
                    continue;
                }
                int colon = text.indexOf(": ");
                String name = colon < 0 ? text : text.substring(0, colon);
                String value = colon < 0 ? "" : text.substring(colon + 2);
                current.putIfAbsent(name, value);
                currentRaw.add(new String[] {name, value});
            }
        } catch (IOException e) {
            // the server closed or reset the connection
        } finally {
            closedByServer = true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

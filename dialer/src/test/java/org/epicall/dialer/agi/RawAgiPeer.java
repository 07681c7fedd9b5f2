package org.epicall.dialer.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Plays Asterisk's side of a FastAGI session byte by byte, so a test can misbehave on purpose. */
final class RawAgiPeer implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawAgiPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
    }

    /** Sends the agi_* environment, as in agi-01-survey-answer.txt, and the blank line ending it. */
    void sendEnvironment(String script) throws IOException {
        send("agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1/" + script + "\n"
                + "agi_channel: Local/s@resident-sim-00000000;1\nagi_language: en\nagi_type: Local\n"
                + "agi_uniqueid: 1795303276.0\nagi_version: 22.10.1\nagi_callerid: 1000\nagi_context: survey\n"
                + "agi_extension: s\nagi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \n\n");
    }

    /** The next command the server sent, or {@code null} when it closed the connection. */
    String command() throws IOException {
        return in.readLine();
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

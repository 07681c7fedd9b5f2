package org.epicall.dialer.agi;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.MappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server that runs survey calls ({@code agi://host:port/survey}).
 *
 * <p>asterisk-java's pool rejects connections past its maximum (500 by default) and closes them,
 * and Asterisk then reports AGISTATUS=SUCCESS: the resident would hear silence and the survey
 * would silently never run. Here every session gets its own virtual thread, with no maximum, so a
 * node can hold thousands of calls. Binding happens in {@link #start}, which fails loudly if the
 * port is taken instead of logging and carrying on.
 */
public final class SurveyAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SurveyAgiServer.class);

    private final Server server;
    private final AgiConfig config;
    private Thread acceptor;
    private volatile int port;

    public SurveyAgiServer(AgiConfig config, SurveyCallRegistry registry, SurveyScripts scripts, InstantSource clock) {
        this.config = config;
        SurveyAgiScript survey = new SurveyAgiScript(registry, scripts, config, clock);
        MappingStrategy mapping = (request, channel) -> "survey".equals(request.getScript()) ? survey : null;
        this.server = new Server(mapping, config.port());
        server.setPort(config.port());
        server.setSocketReadTimeout((int) config.socketTimeout().toMillis());
        try {
            server.setAddress(InetAddress.getByName(config.bindAddress()));
        } catch (IOException e) {
            throw new IllegalArgumentException("AGI bind address '" + config.bindAddress() + "' is not valid", e);
        }
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IllegalStateException naming the address and port if it cannot listen there
     */
    public void start() {
        acceptor = Thread.ofPlatform().name("agi-acceptor").daemon().start(() -> {
            try {
                server.startup();
            } catch (IOException | RuntimeException e) {
                server.bound.completeExceptionally(e);
            }
        });
        try {
            port = server.bound.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot listen for FastAGI on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getCause().getMessage() + " (is another dialer running there?)", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("FastAGI server on port " + config.port() + " did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the FastAGI server", e);
        }
        log.info("FastAGI survey server listening on {}:{}", config.bindAddress(), port);
    }

    /** The port it listens on: the configured one, or the one the system gave it for port 0; 0 before {@link #start}. */
    public int port() {
        return port;
    }

    /** Sessions running now. */
    public int activeSessions() {
        return server.getPoolActiveTaskCount();
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } catch (IllegalStateException e) {
            // never started
        }
    }

    private static final class Server extends DefaultAgiServer {

        final CompletableFuture<Integer> bound = new CompletableFuture<>();
        private final int configuredPort;

        Server(MappingStrategy mapping, int configuredPort) {
            super(mapping);
            this.configuredPort = configuredPort;
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            bound.complete(configuredPort != 0 ? configuredPort : localPort(socket));
            return socket;
        }

        /*
         * Port 0 lets the system choose, which is the only race-free way for an embedded stack or a
         * test to get a free port; asterisk-java binds the socket but keeps it private, so it is read
         * here, and only in that case.
         */
        private static int localPort(ServerSocketFacade facade) {
            try {
                Field field = facade.getClass().getDeclaredField("serverSocket");
                field.setAccessible(true);
                return ((ServerSocket) field.get(facade)).getLocalPort();
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("cannot tell which port the FastAGI server was given for port 0 ("
                        + facade.getClass().getName() + "); configure a fixed AGI port instead", e);
            }
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofVirtual().name("agi-", 0).factory());
        }
    }
}

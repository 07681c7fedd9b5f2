package org.epicall.dialer.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.DtmfBeginEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PbxLink} over asterisk-java.
 *
 * <p>Each session is a fresh asterisk-java connection. When it is lost (socket closed, or no Pong
 * within three keep-alive intervals) the link stops the library's own fixed-interval reconnect
 * loop by logging the dead connection off, reports {@link PbxEvents#linkDown}, and connects anew
 * after a {@link Backoff} delay. Events of an old session are dropped. Connecting, pinging and
 * reconnecting run on one control thread per link, never on the library's event thread, so no
 * synchronous action is ever sent from a listener.
 */
public final class AsteriskJavaPbxLink implements PbxLink {

    private static final Logger log = LoggerFactory.getLogger(AsteriskJavaPbxLink.class);
    private static final long LOGIN_TIMEOUT_MS = 5_000;

    /**
     * Call events the dialer never reads. It reads OriginateResponse, HangupRequest (the first event
     * to carry a refused call's cause) and Hangup, nothing else. asterisk-java builds every event it
     * knows by reflection on its reader thread (some thirty per answered call), which is what limits
     * its originate rate; events without a class are dropped after parsing. Production servers filter
     * them out before they are sent (manager.conf {@code eventfilter}, see deploy/asterisk).
     */
    private static final List<Class<? extends ManagerEvent>> UNUSED_EVENTS = List.of(
            NewChannelEvent.class, NewStateEvent.class, NewExtenEvent.class, NewCallerIdEvent.class,
            NewConnectedLineEvent.class, DialBeginEvent.class, DialEndEvent.class, DialStateEvent.class,
            SoftHangupRequestEvent.class, VarSetEvent.class, LocalBridgeEvent.class,
            DeviceStateChangeEvent.class, AgiExecStartEvent.class, AgiExecEndEvent.class, DtmfBeginEvent.class,
            DtmfEndEvent.class);

    private final AmiServerConfig config;
    private final PbxEvents events;
    private final Backoff backoff;
    private final LongSupplier ticker;
    private final ScheduledExecutorService control;
    private volatile Session session;
    private volatile String problem;
    private volatile boolean loginRefused;
    private volatile boolean closed;
    private int failures;
    private int generation;

    private record Session(int generation, ManagerConnection connection, AtomicLong lastPong) {
    }

    static {
        LibraryLogging.quietUnregisteredEvents();
    }

    public AsteriskJavaPbxLink(AmiServerConfig config, PbxEvents events, Backoff backoff) {
        this.config = config;
        this.events = events;
        this.backoff = backoff;
        this.ticker = System::nanoTime;
        this.control = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ami-" + config.name()).daemon().factory());
    }

    @Override
    public String server() {
        return config.name();
    }

    @Override
    public void start() {
        control.execute(this::connect);
        long keepAliveMs = config.keepAlive().toMillis();
        control.scheduleWithFixedDelay(this::keepAlive, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isUp() {
        return session != null;
    }

    @Override
    public LinkStatus status() {
        boolean up = isUp();
        return new LinkStatus(config.name(), up, up ? null : problem, !up && loginRefused);
    }

    @Override
    public void originate(OriginateCommand command) {
        Session s = session;
        if (s == null) {
            throw new PbxUnavailableException("AMI session with " + config.name() + " is down", null);
        }
        LeanOriginateAction action = new LeanOriginateAction(command, config);
        try {
            s.connection().sendAction(action, response -> {
                if (response instanceof ManagerError) {
                    events.originateRefused(config.name(), command.actionId(), response.getMessage());
                }
            });
        } catch (IOException | IllegalStateException e) {
            control.execute(() -> lost(s, "write failed: " + e.getMessage()));
            throw new PbxUnavailableException("could not send Originate to " + config.name() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        control.execute(() -> {
            Session s = session;
            session = null;
            if (s != null) {
                logoffQuietly(s.connection());
            }
        });
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        FixedVersionManagerConnection connection = new FixedVersionManagerConnection();
        connection.setHostname(config.host());
        connection.setPort(config.port());
        connection.setUsername(config.username());
        connection.setPassword(config.secret());
        connection.setDefaultResponseTimeout(LOGIN_TIMEOUT_MS);
        connection.setSocketTimeout((int) LOGIN_TIMEOUT_MS);
        connection.setKeepAliveAfterAuthenticationFailure(false);
        Session s = new Session(++generation, connection, new AtomicLong(ticker.getAsLong()));
        UNUSED_EVENTS.forEach(connection::deregisterEventClass);
        connection.addEventListener(event -> onEvent(s, event));
        try {
            connection.login("on");
        } catch (AuthenticationFailedException e) {
            log.error("AMI login to {} ({}:{}) as '{}' was refused: check username and secret in manager.conf",
                    config.name(), config.host(), config.port(), config.username());
            problem = "Asterisk at " + config.host() + ":" + config.port() + " refused the login of AMI user '"
                    + config.username() + "'";
            loginRefused = true;
            retryLater();
            return;
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.warn("AMI connect to {} ({}:{}) failed: {}", config.name(), config.host(), config.port(),
                    e.getMessage());
            problem = "cannot reach Asterisk's AMI at " + config.host() + ":" + config.port() + ": " + e.getMessage();
            loginRefused = false;
            logoffQuietly(connection);
            retryLater();
            return;
        }
        if (closed) {
            logoffQuietly(connection);
            return;
        }
        failures = 0;
        s.lastPong().set(ticker.getAsLong());
        problem = null;
        loginRefused = false;
        session = s;
        log.info("AMI session with {} ({}:{}) is up", config.name(), config.host(), config.port());
        events.linkUp(config.name());
    }

    private void onEvent(Session s, ManagerEvent event) {
        if (session != s) {
            return;
        }
        switch (event) {
            case OriginateResponseEvent e -> events.originateResult(config.name(),
                    new PbxEvents.OriginateResult(e.getActionId(), e.getUniqueId(),
                            "Success".equalsIgnoreCase(e.getResponse()), e.getReason(), e.getChannel()));
            case HangupRequestEvent e -> events.hangupRequest(config.name(),
                    new PbxEvents.ChannelHangup(e.getUniqueId(), e.getLinkedId(), e.getCause(), e.getChannel()));
            case HangupEvent e -> events.hangup(config.name(),
                    new PbxEvents.ChannelHangup(e.getUniqueId(), e.getLinkedId(), e.getCause(), e.getChannel()));
            case DisconnectEvent e -> control.execute(() -> lost(s, "connection closed"));
            default -> s.lastPong().set(ticker.getAsLong());
        }
    }

    private void keepAlive() {
        Session s = session;
        if (s == null) {
            return;
        }
        long silentNanos = ticker.getAsLong() - s.lastPong().get();
        if (silentNanos > 3 * config.keepAlive().toNanos()) {
            lost(s, "no reply to Ping for " + Duration.ofNanos(silentNanos).toMillis() + " ms");
            return;
        }
        try {
            s.connection().sendAction(new PingAction(), response -> s.lastPong().set(ticker.getAsLong()));
        } catch (IOException | IllegalStateException e) {
            lost(s, "Ping failed: " + e.getMessage());
        }
    }

    private void lost(Session s, String reason) {
        if (session != s) {
            return;
        }
        session = null;
        problem = "AMI session lost: " + reason;
        log.warn("AMI session with {} lost: {}; reconnecting", config.name(), reason);
        events.linkDown(config.name(), reason);
        logoffQuietly(s.connection());
        retryLater();
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        Duration delay = backoff.delay(failures++);
        control.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void logoffQuietly(ManagerConnection connection) {
        try {
            connection.logoff();
        } catch (RuntimeException e) {
            // INITIAL or DISCONNECTED: nothing to stop
        }
    }
}

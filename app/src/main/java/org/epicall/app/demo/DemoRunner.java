package org.epicall.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.epicall.app.demo.progress.DemoProgress;
import org.epicall.app.demo.progress.ProgressDisplay;
import org.epicall.app.demo.stack.CampaignSettings;
import org.epicall.app.demo.stack.EmbeddedCampaign;
import org.epicall.app.demo.stack.EmbeddedDialer;
import org.epicall.app.demo.stack.EmbeddedKafka;
import org.epicall.app.demo.stack.EmbeddedPbx;
import org.epicall.app.demo.summary.AttemptAudit;
import org.epicall.app.demo.summary.AttemptRecord;
import org.epicall.app.demo.summary.CampaignRecords;
import org.epicall.app.demo.summary.DemoSummary;
import org.epicall.app.demo.summary.ResidentFate;
import org.epicall.campaign.Campaigns;
import org.epicall.campaign.NewCampaign;
import org.epicall.campaign.contact.CampaignProgress;
import org.epicall.campaign.contact.ContactStore;
import org.epicall.campaign.contact.SurveyResults;
import org.epicall.campaign.lifecycle.Campaign;
import org.epicall.campaign.lifecycle.CampaignState;
import org.epicall.campaign.prompt.PromptAudio;
import org.epicall.campaign.prompt.PromptRecording;
import org.epicall.campaign.prompt.PromptRenderer;
import org.epicall.dialer.service.RecognitionPool;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicSnapshot;
import org.epicall.messaging.Topics;
import org.epicall.pbx.resident.Behaviour;
import org.epicall.pbx.resident.Resident;
import org.epicall.speech.internal.VoskSpeechRecognizer;
import org.epicall.survey.call.AttemptResult;
import org.epicall.survey.prompt.PromptIds;
import org.epicall.survey.questionnaire.QuestionnaireLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo: assembles the embedded stack (Kafka, PBX simulator, dialer node with Vosk, campaign
 * service), launches the campaign, shows progress until every resident is accounted for, and
 * reports. Used by {@link DemoCommand} and by the end-to-end test and benchmark. One run per instance.
 */
public final class DemoRunner implements AutoCloseable {

    /** The questionnaire the demo campaign runs, from the survey module. */
    public static final String QUESTIONNAIRE = "questionnaires/covid-checkin.yaml";
    /** The demo user of the dashboard and API. */
    public static final String USER = "official";
    public static final String PASSWORD = "epicall-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

    private final DemoSettings settings;
    private final PrintStream out;
    private final Clock clock;
    private final Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private EmbeddedKafka kafka;
    private EmbeddedPbx pbx;
    private EmbeddedDialer dialer;
    private EmbeddedCampaign campaign;
    private DemoWindow window;
    private List<Resident> residents;
    private String campaignId;
    private Instant launchedAt;
    private Instant finishedAt;

    /**
     * Prepares the data directory (emptied unless {@code keep}); starts nothing yet.
     *
     * @throws IllegalArgumentException if the directory holds files a demo did not write
     */
    public DemoRunner(DemoSettings settings, PrintStream out, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dir = DemoDirectory.prepare(settings.dataDirectory(), settings.keep());
    }

    /** The demo's data directory, absolute. */
    public Path directory() {
        return dir;
    }

    /** Starts everything and creates the campaign with its roster imported; {@link #launch} starts calling. */
    public void start() {
        // Fails fast, naming the file and the problem, before anything is started.
        QuestionnaireLoader.loadResource(QUESTIONNAIRE);
        PromptRenderer.unavailableBecause().ifPresent(missing -> {
            throw new IllegalStateException("the campaign's prompts cannot be rendered: " + missing
                    + "; a campaign does not start without them");
        });
        residents = DemoPopulation.generate(settings.residents(), settings.seed(),
                settings.population() == DemoSettings.Population.MIXED ? DemoPopulation.mix()
                        : Map.of(Behaviour.ANSWER, 1));
        window = DemoWindow.around(clock.instant(), ZoneId.of(DemoRoster.ZONE), settings.window());
        if (window.shortened()) {
            out.println("note: it is nearly midnight in " + DemoRoster.ZONE + "; the calling window " + window
                    + " closes at midnight, and residents not reached by then stay open.");
        }

        kafka = track(EmbeddedKafka.start(dir.resolve("kafka"), 0));
        out.println("kafka      in-process KRaft broker at " + kafka.bootstrapServers() + ", data in "
                + kafka.dataDirectory());

        pbx = track(EmbeddedPbx.start(residents, settings.timeScale(), dir));
        out.printf("pbx        simulator: AMI on 127.0.0.1:%d, %d residents (%s), time x%s%n", pbx.amiPort(),
                residents.size(), DemoPopulation.describe(residents), trim(settings.timeScale()));

        dialer = track(EmbeddedDialer.start(new EmbeddedDialer.Settings(dir.resolve("dialer"), pbx.amiPort(),
                settings.callsPerSecond(), settings.maxChannels(), kafka.bootstrapServers())));
        out.printf("speech     Vosk Korean model loaded in %.1f s%n", dialer.speech().loadTime().toMillis() / 1000.0);
        out.printf("dialer     node (epicall dialer): AMI originate via asterisk-java, FastAGI on 127.0.0.1:%d, %s calls/s,"
                + " health on http://localhost:%d/actuator/health%n", dialer.agiPort(), trim(settings.callsPerSecond()), dialer.port());

        campaign = track(EmbeddedCampaign.start(campaignSettings(dir)));
        out.printf("dashboard  http://localhost:%d  (user %s, password %s)%n", campaign.port(), USER, PASSWORD);

        Campaigns campaigns = campaign.campaigns();
        Campaign created = settings.keep() ? unfinished(campaigns) : null;
        if (created != null) {
            // The kept campaign goes on calling its residents; a second one for the same roster would call
            // them all again, at the same time.
            out.printf("campaign   resuming %s, kept from an earlier run (%s)%n", created.id(),
                    created.state().name().toLowerCase(java.util.Locale.ROOT));
        } else {
            Path roster = DemoRoster.write(dir.resolve("roster.csv"), DemoPopulation.rosterRows(residents));
            try (InputStream in = Files.newInputStream(roster)) {
                created = campaigns.create(new NewCampaign("Demo: COVID-19 check-in, " + residents.size() + " residents",
                        questionnaireYaml(), QUESTIONNAIRE, roster.getFileName().toString(), "KR", DemoRoster.LANGUAGE),
                        in, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo roster " + roster, e);
            }
        }
        campaignId = created.id();
        out.printf("campaign   %s: %d residents in %s, calling window %s, retry busy after %s, no answer after %s,"
                        + " at most %d attempts%n", campaignId, campaigns.progress(campaignId).contacts(),
                DemoRoster.ZONE, window, human(settings.retryBusy()), human(settings.retryNoAnswer()),
                settings.maxAttempts());
        // As an official would before starting: what nobody recorded is spoken from the questionnaire's text
        // (POST /api/campaigns/{id}/prompts/render), into the directory the PBX plays prompts from.
        List<PromptRecording> rendered = campaign.bean(PromptAudio.class).renderMissing(campaignId,
                campaign.bean(PromptRenderer.class));
        out.printf("prompts    %d rendered with espeak-ng into %s (officials may upload their own on the dashboard)%n%n",
                rendered.size(), dir.resolve(PromptIds.SOUNDS_DIR));
    }

    /** Starts calling: the campaign goes from draft to running (a kept one resumes if it was paused). */
    public void launch() {
        Campaign current = campaign.campaigns().get(campaignId);
        if (current.state() == CampaignState.DRAFT) {
            campaign.campaigns().start(campaignId);
        } else if (current.state() == CampaignState.PAUSED) {
            campaign.campaigns().resume(campaignId);
        }
        launchedAt = clock.instant();
    }

    /** The newest campaign kept in the data directory that has not finished, if any. */
    private static Campaign unfinished(Campaigns campaigns) {
        return campaigns.list().stream()
                .filter(c -> c.state() == CampaignState.DRAFT || c.state() == CampaignState.RUNNING
                        || c.state() == CampaignState.PAUSED)
                .max(java.util.Comparator.comparing(Campaign::createdAt)).orElse(null);
    }

    /**
     * Shows progress until every resident is accounted for or the timeout passes.
     *
     * @return the last progress seen
     */
    public DemoProgress awaitFinished(ProgressDisplay display) throws InterruptedException {
        Instant deadline = launchedAt.plus(settings.timeout());
        DemoProgress progress = progress();
        while (!progress.done() && clock.instant().isBefore(deadline)) {
            display.update(progress, elapsed());
            Thread.sleep(POLL);
            progress = progress();
        }
        finishedAt = clock.instant();
        display.finish(progress, elapsed());
        return progress;
    }

    /** Waits until the dialer's outbox is empty and the campaign has seen every report, then reads the topics. */
    public DemoSummary summary() throws InterruptedException {
        Duration elapsed = elapsed();
        Instant drainDeadline = clock.instant().plus(DRAIN);
        while (dialer.service().pendingResults() > 0 && clock.instant().isBefore(drainDeadline)) {
            Thread.sleep(POLL);
        }
        CampaignRecords records = records();
        CampaignProgress p = campaign.campaigns().progress(campaignId);
        Map<ResidentFate, Long> fates = new EnumMap<>(ResidentFate.class);
        fates.put(ResidentFate.COMPLETED, p.completed());
        fates.put(ResidentFate.FAILED, p.failed());
        fates.put(ResidentFate.OUT_OF_ATTEMPTS, p.exhausted());
        fates.put(ResidentFate.OPEN, p.pending() + p.dialing() + p.retrying());
        Map<String, String> labels = new HashMap<>();
        for (SurveyResults.FlaggedResident f : campaign.campaigns().flagged(campaignId)) {
            labels.put(f.contactRef(), f.phone() + " " + (f.name() == null ? "" : f.name()));
        }
        return new DemoSummary(p.contacts(), fates, records.attemptsByOutcome(), records.surveysByStatus(),
                records.residentsByAttempts(), records.answeredByAttempts(), records.voiceAnswers(), records.keypadAnswers(),
                records.flagged(ref -> labels.getOrDefault(ref, "")),
                TopicSnapshot.endOffsets(kafka.connection(), Topics.ALL),
                audit().audit(records.attemptRecords(), everyCampaignsAttempts(), residentOf()),
                elapsed);
    }

    /** The campaign's attempts and results as they are on Kafka now. */
    public CampaignRecords records() {
        EventJson json = new EventJson();
        List<AttemptResult> attempts = TopicSnapshot.values(kafka.connection(), Topics.CALL_ATTEMPTS).stream()
                .map(json::readCallAttempt).toList();
        List<SurveyResultEvent> surveys = TopicSnapshot.values(kafka.connection(), Topics.SURVEY_RESULTS).stream()
                .map(json::readSurveyResult).toList();
        return CampaignRecords.of(campaignId, attempts, surveys);
    }

    /** The attempts of every campaign in the data directory, as they are on Kafka now. */
    private List<AttemptRecord> everyCampaignsAttempts() {
        EventJson json = new EventJson();
        return CampaignRecords.all(TopicSnapshot.values(kafka.connection(), Topics.CALL_ATTEMPTS).stream()
                .map(json::readCallAttempt).toList()).attemptRecords();
    }

    /** Each contact reference of every campaign here, mapped to the resident's number. */
    private java.util.function.Function<String, String> residentOf() {
        Map<String, String> numbers = new HashMap<>();
        for (Campaign c : campaign.campaigns().list()) {
            numbers.putAll(campaign.campaigns().residentNumbers(c.id()));
        }
        return ref -> numbers.getOrDefault(ref, ref);
    }

    /** The rules the campaign was configured with, to check the attempts against. */
    public AttemptAudit audit() {
        return new AttemptAudit(window.zone(), window.start(), window.end(), settings.retryDelays(),
                settings.maxAttempts());
    }

    /** Blocks until Ctrl-C (or interruption), for {@code --serve}. */
    public void serveUntilInterrupted() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        // The JVM halts once its shutdown hooks return: hold it until close() has stopped Kafka cleanly.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(CLOSE_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "epicall-demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        stop.await();
    }

    public String campaignId() {
        return campaignId;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Path kafkaDataDirectory() {
        return kafka.dataDirectory();
    }

    /** The Vosk recogniser, without the pool around it. */
    public VoskSpeechRecognizer speech() {
        return dialer.speech().recognizer();
    }

    /** Where the dialer keeps the campaign's recordings. */
    public Path recordings() {
        return dir.resolve("dialer").resolve("recordings").resolve(campaignId);
    }

    /** The recogniser the dialer uses, with its CPU accounting. */
    public RecognitionPool recognition() {
        return dialer.speech().pool();
    }

    public int dashboardPort() {
        return campaign.port();
    }

    public List<Resident> residents() {
        return residents;
    }

    /** The simulated resident behind a contact reference of the demo campaign. */
    public Optional<Resident> resident(String contactRef) {
        // The roster has a header line, then one resident per line in population order.
        return campaign.bean(ContactStore.class).contact(contactRef)
                .map(c -> c.lineNumber() - 2)
                .filter(i -> i >= 0 && i < residents.size())
                .map(residents::get);
    }

    public DemoProgress progress() {
        CampaignProgress p = campaign.campaigns().progress(campaignId);
        return new DemoProgress(p.contacts(), p.dialed(), p.answered(), p.completed(), p.retrying(), p.failed(),
                p.exhausted(), p.dialing());
    }

    /** Stops the campaign service, the dialer, the PBX and Kafka, in that order; Kafka's data stays. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("could not stop {} cleanly: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
        closed.countDown();
    }

    private CampaignSettings campaignSettings(Path dir) {
        // The PBX's sounds directory is the demo's directory: the prompts go into its epicall/, as on Asterisk.
        return new CampaignSettings(settings.port(), dir.resolve("campaign"), dir.resolve("dialer").resolve("recordings"),
                dir.resolve(PromptIds.SOUNDS_DIR), kafka.bootstrapServers(), window.start(),
                window.end(), settings.retryDelays(), settings.maxAttempts(), Duration.ofMillis(250),
                Duration.ofMinutes(2), USER, PASSWORD);
    }

    private Duration elapsed() {
        if (launchedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(launchedAt, finishedAt != null ? finishedAt : clock.instant());
    }

    private <T extends AutoCloseable> T track(T part) {
        started.add(part);
        return part;
    }

    private static String questionnaireYaml() {
        try (InputStream in = DemoRunner.class.getClassLoader().getResourceAsStream(QUESTIONNAIRE)) {
            if (in == null) {
                throw new IllegalStateException(QUESTIONNAIRE + " is not on the class path; rebuild epicall");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + QUESTIONNAIRE, e);
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 60_000 == 0 && ms > 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

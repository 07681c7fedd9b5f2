package org.epicall.campaign.results;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.PhoneNumberDisclosure;
import org.epicall.messaging.ResultPublisher;
import org.epicall.messaging.SurveyResultEvent;
import org.epicall.messaging.TopicAdministration;
import org.epicall.messaging.Topics;
import org.epicall.messaging.internal.ProducerSettings;
import org.epicall.survey.answer.Decision;
import org.epicall.survey.call.AnswerSource;
import org.epicall.survey.call.AnsweredQuestion;
import org.epicall.survey.call.SurveyResponse;
import org.epicall.survey.call.SurveyStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code epicall bench results}: survey results per second from one node to an embedded broker
 * through the real path (sink → fsynced outbox → idempotent {@code acks=all} producer, counted
 * when Kafka has acknowledged every one), beside the raw {@code KafkaProducer} sending the same
 * serialized bytes with {@code acks=1} and no idempotence: the ceiling of this broker, client and
 * machine, so the ratio is what durability costs.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Survey result events/s from one node to the embedded broker (acks=all, outbox) beside "
                + "the raw Kafka producer with acks=1.")
public final class ResultsBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--events", defaultValue = "200000", description = "Results per measured run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--callers", defaultValue = "64",
            description = "Concurrent calls finishing at once on the node (default: ${DEFAULT-VALUE}).")
    int callers;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the results topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where the broker's data and the outbox go, in a temporary subdirectory (default: the system temp dir).")
    Path workDir;

    private double lastAppendSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<SurveyResponse> responses = responses(events);
        EventJson json = new EventJson();
        List<byte[]> values = responses.stream()
                .map(r -> json.surveyResult(SurveyResultEvent.of(r, Optional.empty()))).toList();
        Path work = workDir == null ? Files.createTempDirectory("epicall-bench-results-")
                : Files.createTempDirectory(workDir, "epicall-bench-results-");
        try (var broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.persistentAt(work.resolve("kafka")))) {
            KafkaConnection servers = KafkaConnection.plaintext(broker.bootstrapServers());
            TopicAdministration.ensureTopics(servers, partitions, (short) 1);
            // Warm-up: JIT, connections, topic metadata and log segments, for both paths.
            pipeline(servers, work.resolve("warm-outbox"), responses.subList(0, Math.min(events, 50_000)));
            raw(servers, values.subList(0, Math.min(events, 50_000)), false);

            double pipeline = pipeline(servers, work.resolve("outbox"), responses);
            double appended = events / lastAppendSeconds;
            double rawAcksOne = raw(servers, values, false);
            double rawAcksAll = raw(servers, values, true);
            double bytes = values.stream().mapToInt(v -> v.length).average().orElse(0);

            out.printf("events per run: %d events%n", events);
            out.printf("concurrent callers: %d callers%n", callers);
            out.printf("average event size: %.0f bytes%n", bytes);
            out.printf("epicall results (outbox fsync + idempotent acks=all): %.1f events/s%n", pipeline);
            out.printf("of which kept in the outbox (sink calls returned): %.1f events/s%n", appended);
            out.printf("raw producer, same bytes, acks=1 (baseline): %.1f events/s%n", rawAcksOne);
            out.printf("raw producer, same bytes, idempotent acks=all: %.1f events/s%n", rawAcksAll);
            out.printf("ratio to raw producer acks=1: %.2f%n", pipeline / rawAcksOne);
            out.printf("goal (50000 events/s) met: %s%n", pipeline >= 50_000 ? "yes" : "no");
            out.flush();
            return 0;
        } finally {
            Utils.delete(work.toFile());
        }
    }

    /** Events/s through sink, outbox and relay, until Kafka acknowledged the last one. */
    private double pipeline(KafkaConnection servers, Path outbox, List<SurveyResponse> responses) throws Exception {
        try (var publisher = ResultPublisher.start(servers, outbox, PhoneNumberDisclosure.NEVER)) {
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long start = System.nanoTime();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < callers; c++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < responses.size(); i = next.getAndIncrement()) {
                            try {
                                publisher.sink().surveyFinished(responses.get(i));
                            } catch (RuntimeException e) {
                                failure.compareAndSet(null, e);
                                return;
                            }
                        }
                    });
                }
            }
            if (failure.get() != null) {
                throw new IllegalStateException("publishing failed", failure.get());
            }
            lastAppendSeconds = seconds(System.nanoTime() - start);
            while (publisher.pendingCount() > 0) {
                Thread.sleep(1);
            }
            return responses.size() / seconds(System.nanoTime() - start);
        }
    }

    /** Events/s of a bare producer sending pre-serialized values, until the last acknowledgement. */
    private static double raw(KafkaConnection servers, List<byte[]> values, boolean idempotentAcksAll) throws Exception {
        Map<String, Object> props = idempotentAcksAll
                ? ProducerSettings.reliable(servers, "bench-raw-all")
                : ProducerSettings.common(servers, "bench-raw-one");
        if (!idempotentAcksAll) {
            props.put(ProducerConfig.ACKS_CONFIG, "1");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        }
        CountDownLatch acked = new CountDownLatch(values.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<byte[], byte[]>(props)) {
            long start = System.nanoTime();
            for (int i = 0; i < values.size(); i++) {
                byte[] key = ("contact-" + i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(Topics.SURVEY_RESULTS, key, values.get(i)), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    acked.countDown();
                });
            }
            if (!acked.await(10, TimeUnit.MINUTES) || failure.get() != null) {
                throw new IllegalStateException("raw producer did not get every acknowledgement", failure.get());
            }
            return values.size() / seconds(System.nanoTime() - start);
        }
    }

    private static List<SurveyResponse> responses(int count) {
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> new SurveyResponse(
                "attempt-" + i, "bench", "contact-" + i, "covid-checkin", "ko", SurveyStatus.COMPLETE, null,
                start.plusSeconds(i), start.plusSeconds(i + 90),
                List.of(new AnsweredQuestion("travel", "아니요", Boolean.FALSE, 0.95, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                        new AnsweredQuestion("temperature", "삼십육 점 오", new BigDecimal("36.5"), 0.88, Decision.ACCEPT, AnswerSource.VOICE, 1, null),
                        new AnsweredQuestion("contact-days", "", 0, 1.0, Decision.ACCEPT, AnswerSource.KEYPAD, 1, null),
                        new AnsweredQuestion("symptoms", "없어요", List.of(), 0.91, Decision.ACCEPT, AnswerSource.VOICE, 1, null)),
                i % 10 == 0 ? List.of("fever") : List.of())).toList();
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toNanos() / 1e9;
    }
}

package org.epicall.campaign.results;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.epicall.messaging.EventFormatException;
import org.epicall.messaging.EventJson;
import org.epicall.messaging.KafkaConnection;
import org.epicall.messaging.Topics;

/**
 * Reads {@value Topics#SURVEY_RESULTS} without joining a consumer group (it commits nothing and
 * takes no share from other readers) and writes each result as one line of JSON, exactly as it is
 * on the topic. Records that are not survey results are reported on the error stream and skipped.
 *
 * @param fromBeginning start at the oldest result rather than at the end
 * @param follow        keep waiting for new results instead of stopping at the end
 * @param maxResults    stop after this many results; 0 for no limit
 */
record ResultTail(boolean fromBeginning, boolean follow, long maxResults) {

    private static final Duration POLL = Duration.ofMillis(250);

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        return consumer.partitionsFor(Topics.SURVEY_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Returns the number of results written. Not thread-safe; one call at a time. */
    long run(KafkaConnection connection, PrintWriter out, PrintWriter err, BooleanSupplier stopRequested) {
        Map<String, Object> props = connection.clientProperties();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "epicall-results-tail");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        EventJson json = new EventJson();
        long written = 0;
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            while (partitions.isEmpty()) {
                if (!follow || stopRequested.getAsBoolean()) {
                    err.println("There is no topic " + Topics.SURVEY_RESULTS + " at " + connection
                            + " yet: no epicall has published results there.");
                    err.flush();
                    return 0;
                }
                Thread.sleep(1_000);
                partitions = partitions(consumer);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!stopRequested.getAsBoolean() && (maxResults == 0 || written < maxResults)) {
                if (!follow && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (maxResults != 0 && written >= maxResults) {
                        break;
                    }
                    try {
                        json.readSurveyResult(record.value());
                    } catch (EventFormatException e) {
                        err.printf("skipped %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(), e.getMessage());
                        continue;
                    }
                    out.println(new String(record.value(), StandardCharsets.UTF_8));
                    written++;
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // Interrupted by Ctrl-C: what was read has been written.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        return written;
    }
}

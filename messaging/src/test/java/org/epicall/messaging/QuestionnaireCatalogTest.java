package org.epicall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.epicall.kafka.embedded.EmbeddedKafkaBroker;
import org.epicall.kafka.embedded.EmbeddedKafkaSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every dialer node finds every questionnaire version a campaign published, including ones published after it looked. */
class QuestionnaireCatalogTest {

    private static EmbeddedKafkaBroker broker;
    private static QuestionnairePublisher publisher;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaSettings.ephemeral());
        TopicAdministration.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()), 2, (short) 1);
        publisher = new QuestionnairePublisher(KafkaConnection.plaintext(broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        publisher.close();
        broker.close();
    }

    private static QuestionnaireEvent published(String id, String yaml) throws Exception {
        QuestionnaireEvent event = QuestionnaireEvent.of(id, yaml);
        publisher.publish(event).get(30, TimeUnit.SECONDS);
        return event;
    }

    @Test
    void shouldFindAVersionPublishedBeforeAndOnePublishedAfterItFirstLooked() throws Exception {
        QuestionnaireEvent before = published("before", "id: before\n");
        try (QuestionnaireCatalog catalog = QuestionnaireCatalog.of(KafkaConnection.plaintext(broker.bootstrapServers()))) {
            assertThat(catalog.find("before", before.version())).isEqualTo(new QuestionnaireCatalog.Found(before));

            QuestionnaireEvent after = published("after", "id: after\n");

            assertThat(catalog.find("after", after.version())).isEqualTo(new QuestionnaireCatalog.Found(after));
        }
    }

    @Test
    void shouldSayAVersionNeverPublishedIsMissingNamingIt() throws Exception {
        published("other", "id: other\n");
        try (QuestionnaireCatalog catalog = QuestionnaireCatalog.of(KafkaConnection.plaintext(broker.bootstrapServers()))) {
            assertThat(catalog.find("covid-checkin", "0123456789abcdef")).isInstanceOfSatisfying(
                    QuestionnaireCatalog.Missing.class, missing -> assertThat(missing.reason())
                            .contains("covid-checkin@0123456789abcdef", Topics.QUESTIONNAIRES));
        }
    }

    @Test
    void shouldKeepTwoVersionsOfOneQuestionnaireApart() throws Exception {
        QuestionnaireEvent first = published("twice", "id: twice\nversion: 1\n");
        QuestionnaireEvent second = published("twice", "id: twice\nversion: 2\n");
        try (QuestionnaireCatalog catalog = QuestionnaireCatalog.of(KafkaConnection.plaintext(broker.bootstrapServers()))) {
            assertThat(first.version()).isNotEqualTo(second.version());
            assertThat(catalog.find("twice", first.version())).isEqualTo(new QuestionnaireCatalog.Found(first));
            assertThat(catalog.find("twice", second.version())).isEqualTo(new QuestionnaireCatalog.Found(second));
        }
    }

    @Test
    void shouldAnswerNotYetRatherThanMissingWhileKafkaIsAway() {
        String nobody = "localhost:" + org.epicall.kafka.embedded.internal.FreePorts.pick();
        try (QuestionnaireCatalog catalog = QuestionnaireCatalog.of(KafkaConnection.plaintext(nobody))) {
            assertThat(catalog.find("covid-checkin", "0123456789abcdef"))
                    .isInstanceOf(QuestionnaireCatalog.Unknown.class);
        }
    }
}

package com.lumiku.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Consumers are counted per queue and per instance by joining the broker's consumer list to its
 * session list (the shapes Artemis 2.53 answers, trimmed to the fields read).
 */
class ConsumerCensusTest {

  private static final String SESSIONS =
      """
      [{"sessionID":"s1","metadata":{"resource-adapter":"inbound","jms-session":"",\
      "jms-client-id":"lumiku"}},
       {"sessionID":"s2","metadata":{"jms-client-id":"lumiku"}},
       {"sessionID":"s3","metadata":{"jms-client-id":"lumiku-2"}},
       {"sessionID":"s4","metadata":{"resource-adapter":"inbound"}},
       {"sessionID":"s5"}]
      """;

  private static final String CONSUMERS =
      """
      [{"consumerID":0,"sessionID":"s1","queueName":"generations.avatar","browseOnly":false},
       {"consumerID":1,"sessionID":"s2","queueName":"generations.avatar","browseOnly":false},
       {"consumerID":2,"sessionID":"s3","queueName":"generations.avatar","browseOnly":false},
       {"consumerID":3,"sessionID":"s3","queueName":"generations.dead-letter","browseOnly":false},
       {"consumerID":4,"sessionID":"s4","queueName":"generations.avatar","browseOnly":false},
       {"consumerID":5,"sessionID":"s5","queueName":"generations.avatar","browseOnly":false},
       {"consumerID":6,"sessionID":"s1","queueName":"generations.pose","browseOnly":true},
       {"consumerID":7,"sessionID":"gone","queueName":"generations.pose","browseOnly":false}]
      """;

  @Test
  void consumersCountUnderTheClientIdOfTheirSession() {
    ConsumerCensus census = ConsumerCensus.parse(CONSUMERS, SESSIONS);
    assertThat(census.of("generations.avatar", "lumiku")).isEqualTo(2);
    assertThat(census.of("generations.avatar", "lumiku-2")).isEqualTo(1);
    assertThat(census.of("generations.dead-letter", "lumiku-2")).isEqualTo(1);
    assertThat(census.of("generations.dead-letter", "lumiku")).isZero();
  }

  @Test
  void consumersWithoutAClientIdCountUnnamedAndNeverForAnInstance() {
    ConsumerCensus census = ConsumerCensus.parse(CONSUMERS, SESSIONS);
    assertThat(census.byInstance("generations.avatar"))
        .containsExactly(
            entry(ConsumerCensus.UNNAMED, 2), entry("lumiku", 2), entry("lumiku-2", 1));
  }

  @Test
  void browsersAndConsumersOfClosedSessionsDoNotCount() {
    ConsumerCensus census = ConsumerCensus.parse(CONSUMERS, SESSIONS);
    assertThat(census.byInstance("generations.pose")).isEmpty();
    assertThat(census.of("generations.pose", "lumiku")).isZero();
    assertThat(census.total("generations.pose")).isZero();
  }

  @Test
  void aQueuesTotalCountsEveryInstanceAndTheUnnamed() {
    ConsumerCensus census = ConsumerCensus.parse(CONSUMERS, SESSIONS);
    assertThat(census.total("generations.avatar")).isEqualTo(5);
    assertThat(census.total("generations.dead-letter")).isEqualTo(1);
    assertThat(census.total("no.such.queue")).isZero();
  }

  @Test
  void anEmptyAnswerIsNoConsumers() {
    assertThat(ConsumerCensus.parse("", "").consumers()).isEmpty();
    assertThat(ConsumerCensus.parse("[]", SESSIONS).of("generations.avatar", "lumiku")).isZero();
  }

  private static java.util.Map.Entry<String, Integer> entry(String name, int count) {
    return java.util.Map.entry(name, count);
  }
}

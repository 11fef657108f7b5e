package com.lumiku.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.messaging.AbandonedBrokerBranches;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Which prepared transactions are another instance's to end, from PostgreSQL's ids of them. */
class PreparedTransactionIdsTest {

  @Test
  void aPayaraBranchIsTheInstancesNamedInItsQualifier() {
    assertThat(PreparedTransactionIds.ofAnotherInstance(gid("lumiku-2,server,P100,3"), "lumiku"))
        .isTrue();
    assertThat(PreparedTransactionIds.ofAnotherInstance(gid("lumiku,server,P100,3"), "lumiku"))
        .isFalse();
    assertThat(PreparedTransactionIds.ofAnotherInstance(gid("lumiku,server,P100,3"), "lumiku-2"))
        .isTrue();
  }

  @Test
  void anythingElseHasNoKnownOwnerAndCounts() {
    assertThat(PreparedTransactionIds.ofAnotherInstance("lumiku-test-1234", "lumiku")).isFalse();
    assertThat(PreparedTransactionIds.ofAnotherInstance("131077_AAEC_AwQF", "lumiku")).isFalse();
    assertThat(PreparedTransactionIds.ofAnotherInstance("4871251_AAEC_!!", "lumiku")).isFalse();
    assertThat(PreparedTransactionIds.ofAnotherInstance(gid("noComma"), "lumiku")).isFalse();
  }

  private static String gid(String qualifier) {
    Base64.Encoder base64 = Base64.getEncoder();
    return AbandonedBrokerBranches.PAYARA_XID_FORMAT
        + "_"
        + base64.encodeToString("global".getBytes(StandardCharsets.US_ASCII))
        + "_"
        + base64.encodeToString(qualifier.getBytes(StandardCharsets.US_ASCII));
  }
}

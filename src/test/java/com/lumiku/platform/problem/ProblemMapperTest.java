package com.lumiku.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.credits.control.InsufficientCredits;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  @Test
  void aProblemLeavesAsItself() {
    Problem problem = ProblemMapper.problemFor(new InsufficientCredits(10, 3));
    assertThat(problem.status()).isEqualTo(402);
    assertThat(problem.title()).isEqualTo("Insufficient Credits");
    assertThat(problem.type()).isEqualTo("https://lumiku.app/problems/insufficient-credits");
    assertThat(problem.detail()).isEqualTo("This needs 10 credits and your balance is 3.");
  }

  @Test
  void aProblemWrappedByATransactionBoundaryIsFoundInside() {
    Problem problem =
        ProblemMapper.problemFor(new IllegalStateException(ProblemException.notFound("Project x")));
    assertThat(problem.status()).isEqualTo(404);
  }

  @Test
  void aBrokerOrDatabaseFailureIsAServiceUnavailableWithNothingCharged() {
    assertThat(ProblemMapper.problemFor(new JMSRuntimeException("broker down")).status())
        .isEqualTo(503);
    assertThat(
            ProblemMapper.problemFor(
                    new TransactionalException(
                        "commit failed", new RollbackException("prepare failed")))
                .status())
        .isEqualTo(503);
    Problem lostConnection =
        ProblemMapper.problemFor(
            new RuntimeException(new SQLException("connection refused", "08001")));
    assertThat(lostConnection.status()).isEqualTo(503);
    assertThat(lostConnection.detail()).contains("Nothing was charged");
  }

  /** BrokerFailoverIT saw it: the broker died while the commit ended its branch (XA end). */
  @Test
  void aCommitTheTransactionManagerCouldNotCompleteIsRetriedWithItsKey() {
    Problem failed =
        ProblemMapper.problemFor(
            new TransactionalException(
                "encountered exception during commit",
                new SystemException("org.omg.CORBA.INTERNAL: JTS5031")));
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.detail()).contains("same Idempotency-Key").doesNotContain("JTS", "CORBA");
  }

  @Test
  void aMixedOutcomeAsksForARetryWithTheSameKey() {
    Problem failed =
        ProblemMapper.problemFor(
            new IllegalStateException(
                "Commit of a batch of orders failed",
                new HeuristicMixedException("one resource committed, one rolled back")));
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.detail()).contains("same Idempotency-Key").doesNotContain("Nothing was");
  }

  @Test
  void aPoolThatCannotReachTheDatabaseIsAnOutage() {
    SQLException allocation = new SQLException("Error in allocating a connection");
    allocation.initCause(new java.net.ConnectException("Connection refused"));
    assertThat(ProblemMapper.problemFor(new RuntimeException(allocation)).status()).isEqualTo(503);
  }

  @Test
  void aCommitRefusedByAConstraintIsABugNotAnOutage() {
    RollbackException refused = new RollbackException("commit failed");
    refused.initCause(new SQLException("duplicate key", "23505"));
    assertThat(ProblemMapper.problemFor(new TransactionalException("commit", refused)).status())
        .isEqualTo(500);
  }

  @Test
  void anythingElseIsAnInternalErrorWithAnIncidentIdAndNoStackTrace() {
    Problem problem = ProblemMapper.problemFor(new NullPointerException("secret internals"));
    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.detail()).matches("Unexpected failure; incident [0-9a-f-]{36}\\.");
    assertThat(problem.detail()).doesNotContain("secret internals", "NullPointerException");
  }
}

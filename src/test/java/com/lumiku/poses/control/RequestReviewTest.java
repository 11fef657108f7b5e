package com.lumiku.poses.control;

import static com.lumiku.poses.entity.PoseRequestStatus.ACCEPTED;
import static com.lumiku.poses.entity.PoseRequestStatus.COMPLETED;
import static com.lumiku.poses.entity.PoseRequestStatus.PENDING;
import static com.lumiku.poses.entity.PoseRequestStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.FieldsAssert;
import com.lumiku.platform.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Operators' decisions on pose requests: what a body may say, and which moves are allowed. */
class RequestReviewTest {

  private static final UUID POSE = UUID.randomUUID();

  @Test
  void aDecisionNamesAStatusAndMayCarryNotes() {
    RequestReview.Checked accepted =
        new RequestReview(" Accepted ", "  on the list  ", null).checked();
    assertThat(accepted.status()).isEqualTo(ACCEPTED);
    assertThat(accepted.adminNotes()).isEqualTo("on the list");
    assertThat(accepted.fulfilledPoseId()).isNull();
    assertThat(new RequestReview("rejected", null, null).checked().adminNotes())
        .as("absent notes stay as they are")
        .isNull();
    assertThat(new RequestReview("rejected", "  ", null).checked().adminNotes())
        .as("blank notes are removed")
        .isEmpty();
    assertThat(new RequestReview("pending", "line one\nline two", null).checked().adminNotes())
        .contains("\n");
  }

  @Test
  void completingNeedsThePoseAndNothingElseTakesOne() {
    assertThat(new RequestReview("completed", null, POSE).checked().fulfilledPoseId())
        .isEqualTo(POSE);
    assertThat(fields(new RequestReview("completed", null, null)))
        .containsExactly("fulfilledPoseId");
    assertThat(fields(new RequestReview("accepted", null, POSE)))
        .containsExactly("fulfilledPoseId");
  }

  @Test
  void badBodiesNameEveryBrokenField() {
    assertThat(fields(new RequestReview(null, null, null))).containsExactly("status");
    assertThat(fields(new RequestReview("done", "x".repeat(2001), null)))
        .containsExactly("adminNotes", "status");
    assertThat(fields(new RequestReview("accepted", "bell\u0007", null)))
        .containsExactly("adminNotes");
  }

  @Test
  void theStateMachineDecidesWhichMovesAreAllowed() {
    assertThat(decision("accepted").allowedFrom(PENDING, null)).isTrue();
    assertThat(decision("rejected").allowedFrom(PENDING, null)).isTrue();
    assertThat(decision("rejected").allowedFrom(ACCEPTED, null)).isTrue();
    assertThat(new RequestReview("completed", null, POSE).checked().allowedFrom(ACCEPTED, null))
        .isTrue();

    assertConflict(
            () -> new RequestReview("completed", null, POSE).checked().allowedFrom(PENDING, null))
        .hasMessageContaining("A pending request cannot become completed")
        .hasMessageContaining("accepted or rejected");
    assertConflict(() -> decision("accepted").allowedFrom(REJECTED, null))
        .hasMessageContaining("it is final");
    assertConflict(() -> decision("pending").allowedFrom(ACCEPTED, null));
    assertConflict(() -> decision("rejected").allowedFrom(COMPLETED, POSE));
  }

  @Test
  void stayingInTheSameStatusOnlyChangesTheNotes() {
    assertThat(decision("pending").allowedFrom(PENDING, null)).isFalse();
    assertThat(decision("rejected").allowedFrom(REJECTED, null)).isFalse();
    assertThat(new RequestReview("completed", "n", POSE).checked().allowedFrom(COMPLETED, POSE))
        .isFalse();
    assertConflict(
            () ->
                new RequestReview("completed", null, UUID.randomUUID())
                    .checked()
                    .allowedFrom(COMPLETED, POSE))
        .hasMessageContaining("already completed");
  }

  private static RequestReview.Checked decision(String status) {
    return new RequestReview(status, null, null).checked();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertConflict(
      ThrowingCallable call) {
    return assertThatThrownBy(call)
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(409));
  }

  private static List<String> fields(RequestReview review) {
    return FieldsAssert.refusedFields(review::checked);
  }
}

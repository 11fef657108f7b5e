package com.lumiku.poses.control;

import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import com.lumiku.poses.entity.PoseRequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An operator's decision on a pose request, as the client sends it: the status it gets, notes for
 * operators, and (to complete it) the library pose that fulfils it. {@link #checked} enforces the
 * rules of the body; {@link Checked#allowedFrom} those of the request's life ({@link
 * PoseRequestStatus}).
 *
 * @param status {@code pending}, {@code accepted}, {@code rejected} or {@code completed}; the
 *     current status changes only the notes
 * @param adminNotes the operators' notes (absent: unchanged; blank: removed), never shown to users
 * @param fulfilledPoseId the library pose that fulfils the request: with {@code completed} only,
 *     and needed there
 */
@Schema(example = "{\"status\":\"accepted\",\"adminNotes\":\"Planned for next week\"}")
public record RequestReview(String status, @MultiLine String adminNotes, UUID fulfilledPoseId) {

  public static final int MAX_NOTES = 2000;

  /**
   * A decision that keeps the body's rules.
   *
   * @param status the status the request gets
   * @param adminNotes the new notes: null leaves them, {@code ""} removes them
   * @param fulfilledPoseId the fulfilling pose, exactly when {@code status} is completed
   */
  public record Checked(PoseRequestStatus status, String adminNotes, UUID fulfilledPoseId) {

    /**
     * Whether a request in {@code current} (fulfilled by {@code currentPose}, if completed) may
     * take this decision: a move the state machine allows, or staying where it is (which changes
     * only the notes; a completed request keeps its pose).
     *
     * @return true if the status changes, false if it stays
     * @throws ProblemException 409 otherwise
     */
    public boolean allowedFrom(PoseRequestStatus current, UUID currentPose) {
      if (status == current) {
        if (status == PoseRequestStatus.COMPLETED
            && !Objects.equals(fulfilledPoseId, currentPose)) {
          throw ProblemException.conflict(
              "The request is already completed with pose " + currentPose + ".");
        }
        return false;
      }
      if (!current.canBecome(status)) {
        throw ProblemException.conflict(
            "A "
                + current.code()
                + " request cannot become "
                + status.code()
                + (current.isTerminal()
                    ? "; it is final."
                    : "; it may become " + codes(current) + "."));
      }
      return true;
    }

    private static String codes(PoseRequestStatus current) {
      return String.join(
          " or ", current.next().stream().map(PoseRequestStatus::code).sorted().toList());
    }
  }

  /**
   * The decision with the body's rules checked.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public Checked checked() {
    List<FieldError> errors = new ArrayList<>();
    PoseRequestStatus target = FieldRules.choice(PoseRequestStatus.class, "status", status, errors);
    if (target == null && errors.isEmpty()) {
      errors.add(new FieldError("status", "must be given."));
    }
    String notes = FieldRules.optional("adminNotes", adminNotes, MAX_NOTES, Lines.MANY, errors);
    if (target == PoseRequestStatus.COMPLETED && fulfilledPoseId == null) {
      errors.add(
          new FieldError(
              "fulfilledPoseId", "must name the library pose that fulfils the request."));
    }
    if (target != null && target != PoseRequestStatus.COMPLETED && fulfilledPoseId != null) {
      errors.add(new FieldError("fulfilledPoseId", "goes only with status completed."));
    }
    FieldRules.refuseIfAny(errors);
    return new Checked(target, notes, fulfilledPoseId);
  }
}

package com.lumiku.poses.control;

import com.lumiku.platform.input.MultiLine;
import com.lumiku.platform.problem.FieldRules;
import com.lumiku.platform.problem.FieldRules.Lines;
import com.lumiku.platform.problem.Problem.FieldError;
import com.lumiku.platform.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A pose a user asks the library to add, as the client sends it (JSON, or the text parts of a
 * multipart upload with a reference picture). {@link #checked} enforces every rule that needs no
 * database; that the category exists and is active is checked when the request is stored.
 *
 * @param name what to call the pose, 1 to 100 characters
 * @param description the pose in words, 1 to 1,000 characters (several lines allowed)
 * @param categoryId the library category it belongs in, or null
 */
@Schema(
    example =
        "{\"name\":\"Jumping with arms up\",\"description\":\"For energetic sports shots\",\"categoryId\":\"7d2c9e1a-3b4f-4a6c-9e8d-1f2a3b4c5d6e\"}")
public record NewPoseRequest(String name, @MultiLine String description, UUID categoryId) {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 1000;

  /**
   * The request with its rules checked and its texts stripped.
   *
   * @throws ProblemException 400 naming every field that breaks a rule
   */
  public NewPoseRequest checked() {
    List<FieldError> errors = new ArrayList<>();
    String checkedName = FieldRules.required("name", name, MAX_NAME, Lines.ONE, errors);
    String checkedDescription =
        FieldRules.required("description", description, MAX_DESCRIPTION, Lines.MANY, errors);
    FieldRules.refuseIfAny(errors);
    return new NewPoseRequest(checkedName, checkedDescription, categoryId);
  }
}

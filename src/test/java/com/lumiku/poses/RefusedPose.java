package com.lumiku.poses;

import com.lumiku.testing.TestDatabase;
import java.util.UUID;

/**
 * A library pose the test model refuses to draw ({@link ScriptedModel}): a copy of a real pose
 * whose name carries the refusal marker, public while a test needs it. Tests delete it again, so
 * the shipped library stays as other tests expect it.
 */
public final class RefusedPose {

  private RefusedPose() {}

  /** Adds the pose, in the category and with the keypoints of {@code likePose}; returns its id. */
  public static UUID add(UUID likePose) {
    UUID refused = UUID.randomUUID();
    TestDatabase.update(
        "INSERT INTO pose_library (id, category_id, name, description, difficulty, keypoints,"
            + " created_at) SELECT ?, category_id, 'Refused "
            + ScriptedModel.MARKER
            + "', 'A pose the test model will not draw', 'advanced', keypoints, now()"
            + " FROM pose_library WHERE id = ?",
        refused,
        likePose);
    return refused;
  }

  public static void remove(UUID pose) {
    TestDatabase.update("DELETE FROM pose_library WHERE id = ?", pose);
  }
}

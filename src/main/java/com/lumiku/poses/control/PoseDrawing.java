package com.lumiku.poses.control;

import com.lumiku.generations.control.GenerationJob;
import com.lumiku.generations.control.PermanentFailure;
import com.lumiku.generations.entity.Generation;
import com.lumiku.generations.entity.Job;
import com.lumiku.imaging.Drawing;
import com.lumiku.imaging.ImageGenerator;
import com.lumiku.imaging.ImageRequest;
import com.lumiku.imaging.PoseGuide;
import com.lumiku.platform.JsonDocuments;
import com.lumiku.platform.storage.ImageStore;
import com.lumiku.platform.storage.ImagesResource;
import com.lumiku.poses.entity.GeneratedPose;
import com.lumiku.poses.entity.Keypoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Draws one pose of a batch: the subject in the library pose's body keypoints (the model gets the
 * subject's picture and the keypoints where it can use them, and always a prompt that says it in
 * words), stores the picture with a thumbnail and records the pose, all in the worker's transaction
 * (the image store removes the files again if it rolls back; the database's unique job id keeps a
 * redelivered message from adding a second pose).
 */
@ApplicationScoped
public class PoseDrawing implements GenerationJob {

  /** The size of a drawn pose, in pixels (square, as the library's keypoints are). */
  static final int SIZE = 768;

  @Inject ImageGenerator generator;
  @Inject ImageStore store;
  @Inject PoseLibrary library;
  @PersistenceContext EntityManager em;

  @Override
  public String type() {
    return PoseGenerator.DRAW_POSE;
  }

  /**
   * Never bundled, however quick the model: a pose's job updates the pose's use count, a row that
   * other batches' jobs update too, and a bundle would hold that row until its last job (two
   * bundles taking two poses in opposite orders would deadlock).
   */
  @Override
  public boolean quick() {
    return false;
  }

  @Override
  public JsonObject run(Generation generation, Job job) {
    PoseOrder order = PoseOrder.fromJson(generation.parameters());
    PoseOrder.Part part = PoseOrder.Part.fromJson(job.parameters());
    PoseLibrary.Pose pose =
        library
            .forDrawing(part.poseId())
            .orElseThrow(
                () ->
                    new PermanentFailure(
                        "pose-missing",
                        "This pose is no longer in the library; its credits were refunded.",
                        "Library pose " + part.poseId() + " is gone",
                        null));
    Keypoints keypoints = Keypoints.parse(pose.keypoints());
    String prompt = PosePrompt.of(order, pose);
    PoseGuide guide =
        new PoseGuide(
            subject(order),
            points(keypoints),
            // No model in use takes a conditioning picture (see HuggingFaceImageGenerator): not
            // drawn per pose; it is GET library/{poseId}/skeleton.png for one that will.
            null,
            pose.controlnetWeight().doubleValue(),
            order.backgroundPrompt());

    Drawing drawn = generator.draw(new ImageRequest(prompt, SIZE, SIZE, part.seed(), guide));
    ImageStore.StoredImage stored = drawn.storeIn(store, PoseGenerator.THUMBNAIL_SIZE);

    GeneratedPose made =
        new GeneratedPose(
            new GeneratedPose.Origin(
                job.id(), generation.id(), order.projectId(), generation.userId()),
            new GeneratedPose.Drawing(
                pose.id(), prompt, order.backgroundPrompt(), part.seed(), pose.controlnetWeight()),
            new GeneratedPose.Picture(
                stored.image(), stored.thumbnail(), drawn.width(), drawn.height()));
    em.persist(made);
    em.flush();
    // Last, so the popular pose's row is locked only for the commit.
    library.used(pose.id());
    return JsonDocuments.object()
        .add("poseResultId", made.id().toString())
        .add("projectId", order.projectId().toString())
        .add("poseId", pose.id().toString())
        .add("poseName", pose.name())
        .add("seed", part.seed())
        .add("imageUrl", ImagesResource.url(stored.image()))
        .add("thumbnailUrl", ImagesResource.url(stored.thumbnail()))
        .build();
  }

  private byte[] subject(PoseOrder order) {
    try {
      return store.read(order.subjectImage());
    } catch (NoSuchElementException e) {
      throw new PermanentFailure(
          "subject-missing",
          "The picture to pose is gone; the credits were refunded.",
          "Subject image " + order.subjectImage() + " of project " + order.projectId() + " is gone",
          e);
    }
  }

  /** The keypoints as the image generator takes them. */
  static List<Point2D.Double> points(Keypoints keypoints) {
    return keypoints.points().stream()
        .map(p -> p == null ? null : new Point2D.Double(p.x(), p.y()))
        .toList();
  }
}

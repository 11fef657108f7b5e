package com.lumiku.poses.control;

import com.lumiku.apps.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Pose Generator, as the app registry knows it: a batch is charged per pose ({@code
 * lumiku.apps.pose-generator.cost.pose}) plus, per pose, the background change when ordered ({@code
 * .cost.background}); its worker {@code pose} draws each pose of a batch as a job of its own off
 * {@link #QUEUE} ({@code lumiku.workers.pose.queue}, {@code .concurrency}).
 */
@ApplicationScoped
public class PoseGenerator implements App {

  public static final String ID = "pose-generator";

  /** The operation of drawing one pose. */
  public static final String POSE = "pose";

  /** The add-on operation of changing one pose's background. */
  public static final String BACKGROUND = "background";

  /** The job type of one pose of a batch. */
  public static final String DRAW_POSE = "pose.draw";

  public static final String WORKER = "pose";

  /** The worker's queue and concurrency unless configured otherwise (see PoseWorker). */
  public static final String QUEUE = "generations.pose";

  public static final int CONCURRENCY = 4;

  /** The size of the thumbnails of drawn poses and uploaded pictures, in pixels. */
  public static final int THUMBNAIL_SIZE = 256;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Pose Generator";
  }

  @Override
  public String description() {
    return "Your avatar in poses from a library of 80, or described in words, in batches.";
  }

  @Override
  public List<String> operations() {
    return List.of(POSE, BACKGROUND);
  }

  @Override
  public List<Worker> workers() {
    return List.of(new Worker(WORKER, QUEUE, CONCURRENCY, Set.of(DRAW_POSE)));
  }
}

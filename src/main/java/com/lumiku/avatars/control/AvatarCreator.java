package com.lumiku.avatars.control;

import com.lumiku.apps.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Avatar Creator, as the app registry knows it: its operations {@code generate} and {@code upload}
 * (priced by {@code lumiku.apps.avatar-creator.cost.<operation>}) and its worker {@code avatar},
 * which draws avatars from prompts off {@link #QUEUE} ({@code lumiku.workers.avatar.queue}, {@code
 * .concurrency}).
 */
@ApplicationScoped
public class AvatarCreator implements App {

  public static final String ID = "avatar-creator";

  /** The operation of ordering an avatar drawn from a prompt. */
  public static final String GENERATE = "generate";

  /** The operation of storing an uploaded photo as an avatar (no worker: done on upload). */
  public static final String UPLOAD = "upload";

  /** The job type of an avatar drawn from a prompt. */
  public static final String FROM_PROMPT = "avatar.from-prompt";

  public static final String WORKER = "avatar";

  /** The worker's queue and concurrency unless configured otherwise (see AvatarWorker). */
  public static final String QUEUE = "generations.avatar";

  public static final int CONCURRENCY = 4;

  /** The size of avatars' thumbnails (drawn and uploaded), in pixels. */
  public static final int THUMBNAIL_SIZE = 160;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Avatar Creator";
  }

  @Override
  public String description() {
    return "Avatars drawn from a prompt, a persona and visual attributes, or a preset, or made of"
        + " your own photos.";
  }

  @Override
  public List<String> operations() {
    return List.of(GENERATE, UPLOAD);
  }

  @Override
  public List<Worker> workers() {
    return List.of(new Worker(WORKER, QUEUE, CONCURRENCY, Set.of(FROM_PROMPT)));
  }
}

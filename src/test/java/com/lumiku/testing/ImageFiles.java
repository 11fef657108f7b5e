package com.lumiku.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The image files of the deployment under test: in its data folder ({@code it.dir}/data/images),
 * or, with the {@code s3-storage} profile, in the folder where the test S3Proxy keeps the bucket's
 * objects ({@code it.dir}/s3/blobs/<bucket>/images/, the default key prefix).
 */
public final class ImageFiles {

  private ImageFiles() {}

  /** The names of the stored image files now. */
  public static Set<String> now() {
    Path folder =
        "s3".equals(System.getenv("LUMIKU_STORAGE_MODE"))
            ? Path.of(
                System.getProperty("it.dir"),
                "s3",
                "blobs",
                System.getenv("LUMIKU_STORAGE_S3_BUCKET"),
                "images")
            : Path.of(System.getProperty("it.dir"), "data", "images");
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files stored since {@code before} was taken that no row refers to (once other tests'
   * workers have committed or rolled back what they were writing, within {@code within}).
   */
  public static Set<String> orphansSince(Set<String> before, java.time.Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Set<String> orphans = addedSince(before);
      orphans.removeAll(TestDatabase.referencedImageFiles());
      if (orphans.isEmpty() || System.nanoTime() > deadline) {
        return orphans;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return orphans;
      }
    }
  }

  /** The names of the files stored since {@code before} was taken. */
  public static Set<String> addedSince(Set<String> before) {
    Set<String> added = new HashSet<>(now());
    added.removeAll(before);
    return added;
  }
}

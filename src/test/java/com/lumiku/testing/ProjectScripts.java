package com.lumiku.testing;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's own scripts in bin/ (the ones the build used to start PostgreSQL and the
 * broker), so tests can stop and restart those services the same way.
 */
public final class ProjectScripts {

  private ProjectScripts() {}

  public static String baseDir() {
    return System.getProperty("project.basedir", ".");
  }

  /** The folder of the integration tests' services, e.g. {@code target/it/pg}. */
  public static String itDir(String service) {
    return System.getProperty("it.dir", baseDir() + "/target/it") + "/" + service;
  }

  /** Runs {@code bin/<script> <arguments>} and fails unless it exits 0 within 90 s. */
  public static void run(String script, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(baseDir() + "/bin/" + script);
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command).directory(new File(baseDir())).inheritIO().start();
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package com.lumiku.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the project's own scripts in bin/ (the ones the build used to start PostgreSQL and the
 * broker), so tests can stop and restart those services the same way.
 */
public final class ProjectScripts {

  private ProjectScripts() {}

  public static String baseDir() {
    return System.getProperty("project.basedir", ".");
  }

  /**
   * Deletes a folder and everything in it, if it exists (a test's own data from an earlier run).
   */
  public static void deleteFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** A TCP port free on loopback now, for a service a test starts. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The folder of the integration tests' services, e.g. {@code target/it/pg}. */
  public static String itDir(String service) {
    return System.getProperty("it.dir", baseDir() + "/target/it") + "/" + service;
  }

  /** Runs {@code bin/<script> <arguments>} and fails unless it exits 0 within 90 s. */
  public static void run(String script, String... arguments) {
    run(Map.of(), script, arguments);
  }

  /** Runs {@code bin/<script> <arguments>} with these environment variables added or replaced. */
  public static void run(Map<String, String> environment, String script, String... arguments) {
    run(Duration.ofSeconds(90), environment, script, arguments);
  }

  /**
   * Runs {@code bin/<script> <arguments>} with these environment variables added or replaced, and
   * fails unless it exits 0 within {@code within}.
   */
  public static void run(
      Duration within, Map<String, String> environment, String script, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(baseDir() + "/bin/" + script);
    command.addAll(List.of(arguments));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(new File(baseDir()));
      builder.environment().putAll(environment);
      // Through a file, then this JVM's System.out: a test JVM's own stdout is its runner's
      // channel.
      Path output = Files.createTempFile("lumiku-script-", ".log");
      try {
        Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        System.out.print(Files.readString(output));
        if (!ended) {
          // a script that overran must not outlive the test (bin/payara-server waits for its
          // domain; the domain itself is stopped by the test's own clean-up)
          process.destroyForcibly();
        }
        if (!ended || process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", command) + " failed");
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package com.lumiku.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro with the application, started the way {@code ./run} starts it (bin/payara), for
 * tests that must kill it or stop it mid-work and start it again on the same data folder, so that
 * its transaction log survives for XA recovery. The process is the JVM itself (bin/payara execs
 * java), so {@link #kill} is a real {@code kill -9} of Payara and nothing else.
 */
public final class PayaraProcess implements AutoCloseable {

  private final int port;
  private final Map<String, String> environment;
  private final Path logs;
  private Process process;
  private int starts;
  private StartProbes probes;

  /**
   * @param port the HTTP port on 127.0.0.1
   * @param dataDir the data folder (images, keys, transaction log), kept across restarts
   * @param settings more environment, e.g. {@code LUMIKU_GENERATOR_LOCAL_MODEL_TIME}
   */
  public PayaraProcess(int port, Path dataDir, Map<String, String> settings) {
    this(port, dataDir, dataDir.resolve("logs"), settings);
  }

  /**
   * One of several instances sharing a data folder: its logs go to a folder of its own (give it its
   * own {@code LUMIKU_TX_LOG_DIR}, {@code LUMIKU_TX_SERVER_NAME} and {@code PAYARA_INSTANCE_DIR} in
   * {@code settings} too).
   */
  public PayaraProcess(int port, Path dataDir, Path logs, Map<String, String> settings) {
    this.port = port;
    this.logs = logs;
    this.environment =
        new java.util.HashMap<>(
            Map.of(
                "LUMIKU_HTTP_PORT",
                String.valueOf(port),
                "LUMIKU_HTTP_ADDRESS",
                "127.0.0.1",
                "LUMIKU_DATA_DIR",
                dataDir.toString(),
                "LUMIKU_TX_LOG_DIR",
                dataDir.resolve("txlog").toString(),
                "PAYARA_JAVA_OPTS",
                "-Xms256m -Xmx768m",
                // A class-data archive speeds the start when one exists, but the tests never make
                // one: writing it at exit would add seconds to every graceful stop they time.
                "PAYARA_CLASS_ARCHIVE",
                "use"));
    this.environment.putAll(settings);
  }

  /**
   * What the probes answered during the last start, every change from the launch on (each start
   * fails if readiness or startup answered 200 before the API did: {@link StartProbes}).
   */
  public List<String> lastStartTimeline() {
    return probes.timeline().stream().map(Object::toString).toList();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Starts Payara Micro and waits until the application reports ready, polling the API and the
   * probes every 100 ms from the launch on; kills it if it never gets ready, and fails the start if
   * a probe said UP before the API answered ({@link StartProbes}).
   */
  public void start() throws IOException, InterruptedException {
    logs.toFile().mkdirs();
    File log = log(++starts).toFile();
    ProcessBuilder builder =
        new ProcessBuilder(ProjectScripts.baseDir() + "/bin/payara")
            .directory(new File(ProjectScripts.baseDir()))
            .redirectErrorStream(true)
            .redirectOutput(log);
    builder.environment().putAll(environment);
    process = builder.start();
    try {
      awaitReady(log);
    } catch (RuntimeException | AssertionError | InterruptedException notReady) {
      // a start that never got ready must not outlive the test (its port, its runtime folder)
      kill();
      throw notReady;
    }
  }

  /** {@code kill -9}: no shutdown hook, no commit, no goodbye (a paused process too). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * {@code kill -STOP}: every thread of Payara frozen where it is, e.g. between two commit phases.
   */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** {@code kill -CONT}: Payara goes on from where {@link #pause} froze it. */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String name) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited " + exit);
    }
  }

  /**
   * {@code kill -TERM}: Payara shuts down; returns how long it took.
   *
   * @throws IllegalStateException if it is still running after {@code within}
   */
  public Duration terminate(Duration within) throws InterruptedException {
    long began = System.nanoTime();
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("Payara Micro did not stop within " + within);
    }
    return Duration.ofNanos(System.nanoTime() - began);
  }

  /**
   * For a failure's message: the last {@code max} warnings and errors of the running start's log,
   * each as one line (time, level, logger, first line of the message).
   */
  public String lastProblems(int max) {
    Path log = log(starts);
    Deque<String> last = new ArrayDeque<>();
    try {
      List<String> lines =
          Files.readAllLines(log).stream().map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")).toList();
      for (int i = 0; i < lines.size(); i++) {
        // [time] [] [LEVEL] [id] [logger] [tid: ...] [timeMillis: ...] [levelValue: n] message
        String[] fields = lines.get(i).split("\\] \\[", 9);
        if (fields.length == 9 && (fields[2].equals("WARNING") || fields[2].equals("SEVERE"))) {
          String message = fields[8].replaceFirst("^levelValue: \\d+\\] ", "").strip();
          // A message that starts on the next lines ("[[" then the text).
          for (int j = i + 1; message.replace("[", "").isBlank() && j < lines.size(); j++) {
            message = lines.get(j).strip();
          }
          last.addLast(fields[0].substring(1) + " " + fields[2] + " " + fields[4] + ": " + message);
          if (last.size() > max) {
            last.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      return "(log not readable: " + e + ")";
    }
    return String.join("\n", last);
  }

  /**
   * For a failure's message: the top frames of the running Payara's threads whose stack passes
   * through {@code className} (e.g. a task that hangs), from {@code jcmd Thread.print}.
   */
  public String threadsIn(String className, int frames) {
    try {
      Process jcmd =
          new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .start();
      String dump = new String(jcmd.getInputStream().readAllBytes());
      jcmd.waitFor(30, TimeUnit.SECONDS);
      List<String> found = new ArrayList<>();
      for (String thread : dump.split("\n\\s*\n")) {
        if (thread.contains(className)) {
          List<String> lines = thread.lines().map(String::strip).toList();
          found.add(String.join(" < ", lines.subList(0, Math.min(lines.size(), frames + 2))));
        }
      }
      return found.isEmpty() ? "(no thread in " + className + ")" : String.join("\n", found);
    } catch (IOException e) {
      return "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  /** The log of the {@code start}th start (1 for the first). */
  private Path log(int start) {
    return logs.resolve("payara-" + start + ".log");
  }

  /** The exit status of the process, once it has ended. */
  public int exitValue() {
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private void awaitReady(File log) throws InterruptedException {
    probes = new StartProbes(baseUrl());
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro exited during start; see " + log);
      }
      String ready = probes.poll();
      if (ready != null && ready.contains("work-queues")) {
        probes.assertNoLie();
        return;
      }
    }
    throw new IllegalStateException("Payara Micro not ready after 180 s; see " + log);
  }
}

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.generations.control.GenerationMessage;
import com.lumiku.platform.messaging.ManagementClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/**
 * Lumiku's load client (run by bench/run): charging POSTs at 8/16/32 connections, dispatch latency,
 * drain rate, the same with 1 M generation rows and 100 k waiting messages, list latency, memory.
 * Every request goes to 127.0.0.1, bounded in count and time. Every accepted order is checked
 * afterwards in the database (generation row, deduct entry, queued or done).
 */
public class Bench {

  static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
  static final String QUEUE = AvatarCreator.QUEUE;
  /** Orders per second for dispatch latency below saturation: about half of what 2 cores complete. */
  static final int MODERATE_RATE = 25;
  /** The load client's users (the peers' schema.sql creates as many: 1 to 64). */
  static final int USERS = 64;
  /** Connections of the side-by-side measurement (the project's "submit, 16 connections" row). */
  static final int CONNECTIONS = 16;

  record User(UUID id, String token, UUID project) {}

  record Run(double seconds, List<UUID> accepted, long[] latencyNanos, int refused, int failed) {
    double perSecond() {
      return accepted.size() / seconds;
    }
  }

  final Map<String, String> args;
  /** The instances' base URLs (--url, comma-separated); requests alternate over them. */
  final List<String> urls;
  final AtomicInteger nextUrl = new AtomicInteger();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final boolean quick;

  /**
   * Seconds of orders before anything is measured: BENCH_WARMUP, else 10 s for --quick and 30 s for
   * the other modes (the JIT compilers are still busy in the first minutes).
   */
  final int warmup;
  final List<String[]> table = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  List<User> users;

  Bench(Map<String, String> args) {
    this.args = args;
    this.urls = List.of(args.get("url").split(","));
    this.quick = "--quick".equals(args.get("mode"));
    this.warmup = Integer.parseInt(args.getOrDefault("warmup", quick ? "10" : "30"));
    Runtime.getRuntime().addShutdownHook(new Thread(Peer::stopAll, "peers-stop"));
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i].substring(2), argv[i + 1]);
    }
    new Bench(args).run();
  }

  /** The next instance's base URL, in turn. */
  String url() {
    return urls.get(Math.floorMod(nextUrl.getAndIncrement(), urls.size()));
  }

  void run() throws Exception {
    if ("--probe".equals(args.get("mode"))) {
      probe();
      return;
    }
    if ("--scaling".equals(args.get("mode"))) {
      scaling();
      return;
    }
    if ("--peer-only".equals(args.get("mode"))) {
      users = createUsers(USERS);
      submit(CONNECTIONS, warmup);
      awaitDrained(Duration.ofMinutes(5));
      sideBySide(15);
      printCpuTable();
      return;
    }
    int seconds = quick ? 8 : 20;
    users = createUsers(USERS);
    row("boot to ready (./run, services included)", args.get("boot-ms") + " ms", "");

    submit(16, warmup);
    awaitDrained(Duration.ofMinutes(5));

    // The ceiling: what this server's request path costs without an order, on the same machine.
    probeReads("GET /api/apps (no token, no database)", "/api/apps", false);
    probeReads("GET /api/credits (token, one SELECT)", "/api/credits", true);

    // 1. Submit throughput and latency; 3. whether the backlog grows under sustained intake.
    Run at16 = null;
    for (int connections : new int[] {8, 16, 32}) {
      Run run = submit(connections, seconds);
      long backlog = unfinished();
      Duration drain = awaitDrained(Duration.ofMinutes(10));
      verify(run.accepted());
      row(
          "submit, " + connections + " connections",
          String.format("%.0f accepted/s", run.perSecond()),
          String.format(
              "p50 %.1f ms, p99 %.1f ms, %d refused, %d failed; backlog %d at the end of %d s, drained %.1f s later",
              pct(run.latencyNanos(), 50), pct(run.latencyNanos(), 99), run.refused(), run.failed(),
              backlog, seconds, drain.toMillis() / 1000.0));
      if (connections == 16) {
        at16 = run;
      }
    }

    // Against the peers: the same core step written the way other platforms do it, measured the
    // same way, one after the other, each while the other is idle.
    sideBySide(quick ? 15 : 20);

    // 2. Dispatch latency: at saturation (the 16-connection run) and at a moderate fixed rate.
    dispatchRow("dispatch at saturation (16 connections)", at16.accepted());
    List<UUID> moderate = fixedRate(MODERATE_RATE, seconds);
    awaitDrained(Duration.ofMinutes(5));
    verify(moderate);
    dispatchRow("dispatch at " + MODERATE_RATE + " orders/s", moderate);

    // Pose Generator: a 20-pose batch from submit to its last pose; the library at 10,000 poses.
    poseBatches(quick ? 10 : 30);
    poseLibrary();

    // 3. Drain rate: a backlog built with the queue paused, then released.
    int backlogSize = quick ? 2000 : 10000;
    drainRow("drain, " + backlogSize + " queued", () -> submitCount(16, backlogSize));

    // 4. Scaling with data.
    int history = quick ? 100_000 : 1_000_000;
    int waiting = quick ? 10_000 : 100_000;
    long t0 = System.nanoTime();
    insertHistory(history);
    notes.add(String.format("%,d completed generations (with their deduct entries) inserted by SQL in %.0f s",
        history, (System.nanoTime() - t0) / 1e9));
    listRows("list, " + String.format("%,d", history) + " rows");
    pause();
    t0 = System.nanoTime();
    List<UUID> queued = insertWaiting(waiting);
    inject(queued);
    notes.add(String.format("%,d pending generations inserted by SQL and their messages sent to %s (paused) in %.0f s",
        waiting, QUEUE, (System.nanoTime() - t0) / 1e9));
    row("broker with " + String.format("%,d", waiting) + " waiting", "RSS " + rss("broker-pid", "VmRSS"),
        "paging: " + brokerPaging());
    Run loaded = submit(16, seconds);
    verify(loaded.accepted());
    row(
        "submit, 16 connections, with the data",
        String.format("%.0f accepted/s", loaded.perSecond()),
        String.format("p50 %.1f ms, p99 %.1f ms, %d refused, %d failed", pct(loaded.latencyNanos(), 50),
            pct(loaded.latencyNanos(), 99), loaded.refused(), loaded.failed()));
    listRows("list, " + String.format("%,d", history + waiting) + " rows + backlog");
    Instant released = Instant.now();
    resume();
    Duration window = Duration.ofSeconds(quick ? 30 : 60);
    Thread.sleep(window.toMillis());
    long done = completedSince(released);
    row("drain of the " + String.format("%,d", waiting + loaded.accepted().size()) + " backlog",
        String.format("%.0f completed/s", done / (window.toMillis() / 1000.0)),
        "over the first " + window.toSeconds() + " s, with the data");

    // 5. Resources.
    row("peak RSS", "Payara " + rss("payara-pid", "VmHWM") + ", broker " + rss("broker-pid", "VmHWM"), "");

    // 6. The stop right after that load, the workers busy with the backlog: SIGTERM to ./run, as
    // Ctrl-C or an orchestrator does; Payara must end within its grace (lumiku.stop.grace).
    stopAfterLoad();
    printCpuTable();
    report();
  }

  /** Read before the stop, which ends PostgreSQL too; the report names it. */
  String postgres;

  void stopAfterLoad() throws Exception {
    postgres = postgresVersion();
    long unfinished = unfinished();
    ProcessHandle run = ProcessHandle.of(Long.parseLong(args.get("run-pid"))).orElseThrow();
    // One PID per instance (comma-separated with --instances): the slowest one's stop is reported.
    List<ProcessHandle> payaras = new ArrayList<>();
    for (String pid : args.get("payara-pid").split(",")) {
      payaras.add(ProcessHandle.of(Long.parseLong(pid.strip())).orElseThrow());
    }
    long began = System.nanoTime();
    run.destroy();
    for (ProcessHandle payara : payaras) {
      payara.onExit().get(5, TimeUnit.MINUTES);
    }
    long payaraMs = (System.nanoTime() - began) / 1_000_000;
    run.onExit().get(5, TimeUnit.MINUTES);
    long runMs = (System.nanoTime() - began) / 1_000_000;
    row("stop right after the load (SIGTERM to ./run)", "Payara " + payaraMs + " ms",
        "./run with the broker and PostgreSQL " + runMs + " ms; " + unfinished
            + " generations unfinished at the signal; grace "
            + System.getenv().getOrDefault("LUMIKU_STOP_GRACE", "the application's default"));
  }

  /**
   * For tuning: the ceiling, then orders at 16 connections with the workers paused, their drain, and
   * orders with the workers running, with the CPU time each process spent per order (where the 2
   * cores go; {@link #measure}). Prints, writes nothing.
   */
  void probe() throws Exception {
    users = createUsers(USERS);
    Run warm = submit(CONNECTIONS, warmup);
    awaitDrained(Duration.ofMinutes(5));
    row("warm-up", warmup + " s", String.format("%d orders accepted at %d connections before the"
        + " measurements", warm.accepted().size(), CONNECTIONS));
    // What the server's request path costs without the order: the ceiling of this stack here.
    probeReads("GET /api/apps (no token, no database)", "/api/apps", false);
    probeReads("GET /api/credits (token, one SELECT)", "/api/credits", true);
    measure(project, 15);
    printCpuTable();
  }

  /**
   * For the scaling figures (bench/run --scaling runs it with 1 and 2 instances): accepted orders/s
   * at 16 connections over all instances, and the drain of a backlog queued with the workers
   * paused, each with the CPU time every process spent per order. Prints, writes nothing.
   */
  void scaling() throws Exception {
    int seconds = Integer.parseInt(args.getOrDefault("seconds", "20"));
    int backlog = Integer.parseInt(args.getOrDefault("backlog", "3000"));
    String instances = urls.size() + (urls.size() == 1 ? " instance" : " instances");
    users = createUsers(USERS);
    submit(16, warmup);
    awaitDrained(Duration.ofMinutes(5));
    Map<String, Long> before = cpuTicks();
    Run run = submit(16, seconds);
    long left = unfinished();
    Duration drain = awaitDrained(Duration.ofMinutes(10));
    Map<String, Long> after = cpuTicks();
    verify(run.accepted());
    row("submit, 16 connections, " + instances, String.format("%.0f accepted/s", run.perSecond()),
        String.format("p50 %.1f ms, p99 %.1f ms, %d refused, %d failed; backlog %d, drained %.1f s later;"
            + " CPU ms per order (its work included):%s", pct(run.latencyNanos(), 50),
            pct(run.latencyNanos(), 99), run.refused(), run.failed(), left, drain.toMillis() / 1000.0,
            cpuPer(before, after, run.accepted().size())));
    pause();
    Run queued = submitCount(16, backlog);
    verify(queued.accepted());
    before = cpuTicks();
    long began = System.nanoTime();
    resume();
    awaitDrained(Duration.ofMinutes(10));
    double drained = (System.nanoTime() - began) / 1e9;
    after = cpuTicks();
    row("drain, " + backlog + " queued, " + instances, String.format("%.0f completed/s",
        queued.accepted().size() / drained), String.format("queued at %.0f accepted/s with the workers paused;"
            + " CPU ms per generation:%s", queued.perSecond(), cpuPer(before, after, queued.accepted().size())));
  }

  // --- side by side: the project and its peers ----------------------------------------------

  /**
   * What is measured side by side with the same load client: the project or a peer. Paused means
   * that orders are taken and no worker runs them (the project: its queue paused in the broker; a
   * peer: its worker process stopped), so that the intake and the work are measured apart.
   */
  interface Side {
    String name();

    /** One order as user number {@code user}: the HTTP status; the generation's id if accepted. */
    int order(int user, ConcurrentLinkedQueue<UUID> accepted);

    void pause() throws Exception;

    void resume() throws Exception;

    long unfinished() throws SQLException;

    /** CPU ticks of each of its processes, PostgreSQL's and this load client's. */
    Map<String, Long> cpuTicks() throws IOException;

    /** submit -> completed of these (completed) orders, p50 and p99, in ms. */
    double[] endToEnd(List<UUID> ids) throws SQLException;

    /** Every accepted order has its generation and its deduction; every balance matches its ledger. */
    void verify(List<UUID> accepted) throws SQLException;
  }

  final Side project = new Side() {
    @Override
    public String name() {
      return "project";
    }

    @Override
    public int order(int user, ConcurrentLinkedQueue<UUID> accepted) {
      return Bench.this.order(user, accepted);
    }

    @Override
    public void pause() throws Exception {
      Bench.this.pause();
    }

    @Override
    public void resume() throws Exception {
      Bench.this.resume();
    }

    @Override
    public long unfinished() throws SQLException {
      return Bench.this.unfinished();
    }

    @Override
    public Map<String, Long> cpuTicks() throws IOException {
      return Bench.this.cpuTicks();
    }

    @Override
    public double[] endToEnd(List<UUID> ids) throws SQLException {
      return percentiles(Bench.this::db, "generations", ids);
    }

    @Override
    public void verify(List<UUID> accepted) throws SQLException {
      Bench.this.verify(accepted);
    }
  };

  interface Database {
    Connection open() throws SQLException;
  }

  /** submit -> completed p50 and p99 in ms of these orders, from their rows' timestamps. */
  static double[] percentiles(Database database, String table, List<UUID> ids) throws SQLException {
    try (Connection c = database.open();
        PreparedStatement s = c.prepareStatement(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at)),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - created_at))"
                + " FROM " + table + " WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new double[] {r.getDouble(1) * 1000, r.getDouble(2) * 1000};
      }
    }
  }

  /**
   * One side's orders at {@link #CONNECTIONS} connections, twice for {@code seconds}: with the
   * workers paused (the intake alone) and then released (the work alone, per completed generation),
   * and with the workers running (both at once, the figures of the comparison).
   */
  record Measured(Run intake, double intakeDrain, Map<String, Double> intakeCpu,
      Map<String, Double> workCpu, Run running, long backlog, double drain, double[] endToEnd,
      Map<String, Double> runningCpu) {
    /**
     * Completed orders/s: the orders accepted during the window, all of them completed, over the
     * window and the drain that followed it (the same definition for every side).
     */
    double completedPerSecond() {
      return running.accepted().size() / (running.seconds() + drain);
    }
  }

  /** A row of the CPU table: CPU ms per order by process. */
  record CpuRow(String side, String phase, Map<String, Double> perProcess) {}

  final List<CpuRow> cpuTable = new ArrayList<>();

  Measured measure(Side side, int seconds) throws Exception {
    awaitDrained(side, Duration.ofMinutes(5));
    side.pause();
    Map<String, Long> paused = side.cpuTicks();
    double[] batchesBefore = side == project ? batches() : null;
    System.out.println("bench: " + side.name() + ": " + seconds + " s of orders, workers paused");
    Run intake = submit(side, CONNECTIONS, seconds);
    Map<String, Long> taken = side.cpuTicks();
    long began = System.nanoTime();
    side.resume();
    awaitDrained(side, Duration.ofMinutes(5));
    double intakeDrain = (System.nanoTime() - began) / 1e9;
    Map<String, Long> worked = side.cpuTicks();
    // (Read after the drain: the intake's commits, and the bundles the drain did.)
    String batched = side == project ? batchText(batchesBefore, batches()) : "";
    side.verify(intake.accepted());

    Map<String, Long> before = side.cpuTicks();
    double[] runningBatches = side == project ? batches() : null;
    System.out.println("bench: " + side.name() + ": " + seconds + " s of orders, workers running");
    Run running = submit(side, CONNECTIONS, seconds);
    long backlog = side.unfinished();
    Duration drain = awaitDrained(side, Duration.ofMinutes(5));
    Map<String, Long> after = side.cpuTicks();
    String runningBatched = side == project ? batchText(runningBatches, batches()) : "";
    side.verify(running.accepted());
    Measured m = new Measured(intake, intakeDrain, cpuPerItem(paused, taken, intake.accepted().size()),
        cpuPerItem(taken, worked, intake.accepted().size()), running, backlog, drain.toMillis() / 1000.0,
        side.endToEnd(running.accepted()), cpuPerItem(before, after, running.accepted().size()));

    String name = side.name() + ": submit, " + CONNECTIONS + " connections, ";
    row(name + "workers running", String.format("%.0f accepted/s, %.0f completed/s", running.perSecond(),
        m.completedPerSecond()), String.format("%d s; p50 %.1f ms, p99 %.1f ms, %d refused, %d failed;"
            + " backlog %d at the end, drained %.1f s later; submit->completed p50 %.0f ms, p99 %.0f ms;"
            + " CPU ms per order (its work included):%s%s", seconds, pct(running.latencyNanos(), 50),
            pct(running.latencyNanos(), 99), running.refused(), running.failed(), backlog, m.drain(),
            m.endToEnd()[0], m.endToEnd()[1], cpuText(m.runningCpu()), runningBatched));
    row(name + "workers paused", String.format("%.0f accepted/s", intake.perSecond()), String.format(
        "%d s; p50 %.1f ms, p99 %.1f ms, %d refused, %d failed; then released: the %d drained in %.1f s"
            + " (%.0f completed/s)%s", seconds, pct(intake.latencyNanos(), 50), pct(intake.latencyNanos(), 99),
        intake.refused(), intake.failed(), intake.accepted().size(), intakeDrain,
        intake.accepted().size() / intakeDrain, batched));
    Map<String, Double> sum = new LinkedHashMap<>();
    m.intakeCpu().forEach((process, ms) -> sum.put(process, ms + m.workCpu().get(process)));
    cpuTable.add(new CpuRow(side.name(), "intake: per accepted order, workers paused", m.intakeCpu()));
    cpuTable.add(new CpuRow(side.name(), "work: per completed generation, the drain", m.workCpu()));
    cpuTable.add(new CpuRow(side.name(), "intake + work", sum));
    return m;
  }

  static final Pattern BATCH_METRIC = Pattern.compile(
      "(?m)^generations_(intake_batch|work_bundle)_size_(count|sum)(\\{[^}]*\\})? ([0-9.eE+-]+)$");

  /**
   * The group commit's and the bundles' figures so far, summed over the instances: {commits,
   * orders, bundles, jobs in bundles} (generations_intake_batch_size and
   * generations_work_bundle_size, /metrics of each instance).
   */
  double[] batches() throws IOException, InterruptedException {
    double[] figures = new double[4];
    for (String base : urls) {
      HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics?scope=application"))
          .header("Authorization", "Bearer " + admin).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = BATCH_METRIC.matcher(metrics.body());
      while (m.find()) {
        int first = "intake_batch".equals(m.group(1)) ? 0 : 2;
        figures[first + ("count".equals(m.group(2)) ? 0 : 1)] += Double.parseDouble(m.group(4));
      }
    }
    return figures;
  }

  /**
   * "; group commit: N orders in M commits, X per commit on average; bundles: ..." between two
   * readings.
   */
  static String batchText(double[] before, double[] after) {
    double commits = after[0] - before[0];
    double orders = after[1] - before[1];
    double bundles = after[2] - before[2];
    double bundled = after[3] - before[3];
    return (commits <= 0 ? "; group commit: no commit counted"
        : String.format("; group commit: %.0f orders in %.0f commits, %.1f per commit", orders, commits,
            orders / commits))
        + (bundles <= 0 ? "; no bundle of jobs"
            : String.format("; bundles: %.0f jobs in %.0f deliveries, %.1f per bundle", bundled, bundles,
                bundled / bundles));
  }

  /** CPU ms per order of the server's processes (the load client left out). */
  static double serverCpu(Map<String, Double> perProcess) {
    return perProcess.entrySet().stream().filter(e -> !e.getKey().equals(LOAD_CLIENT))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  void printCpuTable() {
    System.out.println("bench: CPU ms per order, by process and phase (total: the server's processes,"
        + " without the load client)");
    for (CpuRow r : cpuTable) {
      System.out.printf("bench:   %-14s %-45s total %6.2f:%s%n", r.side(), r.phase(),
          serverCpu(r.perProcess()), cpuText(r.perProcess()));
    }
  }

  /**
   * The project, then each peer (--peers, prepared by bench/run), measured the same way one after
   * the other, each while the others are idle; then the ratio project / peer.
   */
  void sideBySide(int seconds) throws Exception {
    Measured ours = measure(project, seconds);
    awaitDrained(Duration.ofMinutes(5));
    String modes = args.getOrDefault("peers", "").strip();
    if (modes.isEmpty()) {
      row("peers", "not measured", args.getOrDefault("peer-note", "bench/run named none"));
      return;
    }
    if (!args.getOrDefault("peer-note", "").isBlank()) {
      notes.add("Peers: " + args.get("peer-note"));
    }
    for (String mode : modes.split("\\s+")) {
      try (Peer peer = new Peer(mode)) {
        peer.start();
        submit(peer, CONNECTIONS, 10); // warm-up, as the project had its own
        awaitDrained(peer, Duration.ofMinutes(5));
        Measured theirs = measure(peer, seconds);
        row("project / " + peer.name(), String.format("accepted/s %.2f, completed/s %.2f",
            ours.running().perSecond() / theirs.running().perSecond(),
            ours.completedPerSecond() / theirs.completedPerSecond()), String.format(
                "%d connections, %d s, workers running: project %.0f accepted/s, %.0f completed/s; peer %.0f, %.0f;"
                    + " CPU ms per order (intake + work, server processes): project %.1f, peer %.1f",
                CONNECTIONS, seconds, ours.running().perSecond(), ours.completedPerSecond(),
                theirs.running().perSecond(), theirs.completedPerSecond(),
                serverCpu(ours.intakeCpu()) + serverCpu(ours.workCpu()),
                serverCpu(theirs.intakeCpu()) + serverCpu(theirs.workCpu())));
      } catch (Exception e) {
        // A peer that fails is reported; the project's figures stand.
        row("peer " + mode, "not measured", e.toString());
      }
    }
  }

  /**
   * A peer of bench-peers (copied and installed by bench/run under --peer-dir): the api and the
   * worker as node processes of this client, on the project's PostgreSQL cluster in a database of
   * its own ({@code peers}, made afresh for each mode); bullmq's Redis started (or found) by
   * bench/run on 127.0.0.1:6379, the peer's fixed address.
   */
  final class Peer implements Side, AutoCloseable {
    /** Every node process started, for the shutdown hook. */
    static final List<Process> STARTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static void stopAll() {
      STARTED.forEach(Process::destroy);
    }

    final String mode;
    final Path dir = Path.of(args.get("peer-dir"));
    final int port = Integer.parseInt(args.getOrDefault("peer-port", "18090"));
    final String url = "http://127.0.0.1:" + port + "/generate";
    final URI cluster = URI.create(args.get("db").substring("jdbc:".length()));
    final String jdbc = "jdbc:postgresql://" + cluster.getHost() + ":" + cluster.getPort() + "/peers";
    Process api;
    Process worker;
    /** CPU ticks of the worker processes stopped by pause(). */
    long stoppedWorkers;

    Peer(String mode) {
      this.mode = mode;
    }

    @Override
    public String name() {
      return "peer " + mode;
    }

    Connection peers() throws SQLException {
      return DriverManager.getConnection(jdbc, "postgres", System.getenv("LUMIKU_DB_PASSWORD"));
    }

    /** A fresh database with the peer's schema; the worker, then (as run.sh does, 4 s later) the api. */
    void start() throws Exception {
      try (Connection c = db(); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS peers WITH (FORCE)");
        s.execute("CREATE DATABASE peers");
      }
      try (Connection c = peers(); Statement s = c.createStatement()) {
        s.execute(Files.readString(dir.resolve("schema.sql")));
      }
      worker = node("worker");
      Thread.sleep(4000); // the worker creates the queue (pgboss: its schema) before the api starts
      api = node("api");
      Path log = dir.resolve(mode + "-api.log");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains(" api on ")) {
        if (!api.isAlive() || !worker.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(name() + " did not start; see " + dir.relativize(log) + " and "
              + dir.relativize(dir.resolve(mode + "-worker.log")) + " in " + dir);
        }
        Thread.sleep(100);
      }
    }

    Process node(String role) throws IOException {
      ProcessBuilder builder = new ProcessBuilder("node", "peer.mjs", role, mode, Integer.toString(port))
          .directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(mode + "-" + role + ".log").toFile()));
      builder.environment().put("PEER_DB", "postgres://postgres:" + System.getenv("LUMIKU_DB_PASSWORD") + "@"
          + cluster.getHost() + ":" + cluster.getPort() + "/peers");
      builder.environment().put("PEER_WORKERS", args.getOrDefault("peer-workers", "16"));
      builder.environment().put("PEER_POOL", args.getOrDefault("peer-pool", "16"));
      Process process = builder.start();
      STARTED.add(process);
      // bench/run stops what is listed there if this client ends without its shutdown hook.
      Files.writeString(dir.resolve("pids"), process.pid() + "\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      return process;
    }

    static void stop(Process process) throws InterruptedException {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }

    @Override
    public int order(int user, ConcurrentLinkedQueue<UUID> accepted) {
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30)).header("x-user", Integer.toString(user + 1))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 202) {
          accepted.add(UUID.fromString(first(ID, answer.body())));
        }
        return answer.statusCode();
      } catch (IOException | InterruptedException e) {
        return -1;
      }
    }

    /** The worker process stopped (its CPU time kept); the api keeps taking orders. */
    @Override
    public void pause() throws Exception {
      stoppedWorkers += ticksOf(worker.pid());
      stop(worker);
      worker = null;
    }

    /** A new worker process (its start is in the drain's time and CPU, as the peer's cost). */
    @Override
    public void resume() throws Exception {
      worker = node("worker");
    }

    @Override
    public long unfinished() throws SQLException {
      try (Connection c = peers(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM peer_generations WHERE status <> 'completed'")) {
        r.next();
        return r.getLong(1);
      }
    }

    @Override
    public Map<String, Long> cpuTicks() throws IOException {
      Map<String, Long> ticks = new LinkedHashMap<>();
      ticks.put("node api", ticksOf(api.pid()));
      ticks.put("node worker", stoppedWorkers + (worker == null ? 0 : ticksOf(worker.pid())));
      if (mode.equals("bullmq")) {
        ticks.put("Redis", ticksOf(Long.parseLong(args.get("redis-pid"))));
      }
      ticks.put("PostgreSQL", postgresTicks());
      ticks.put(LOAD_CLIENT, ticksOf(ProcessHandle.current().pid()));
      return ticks;
    }

    @Override
    public double[] endToEnd(List<UUID> ids) throws SQLException {
      return percentiles(this::peers, "peer_generations", ids);
    }

    /** As run.sh checks: each user's credits are its grant plus its ledger; and each order is there. */
    @Override
    public void verify(List<UUID> accepted) throws SQLException {
      requireEvery(this::peers, "SELECT count(*) FROM peer_generations g WHERE g.id = ANY (?) AND EXISTS"
          + " (SELECT 1 FROM peer_ledger l WHERE l.reference_id = g.id AND l.amount < 0)", accepted, name());
      try (Connection c = peers(); Statement q = c.createStatement();
          ResultSet r = q.executeQuery("SELECT count(*) FROM peer_users u WHERE u.credits <> 100000000"
              + " + coalesce((SELECT sum(amount) FROM peer_ledger l WHERE l.user_id = u.id), 0)")) {
        r.next();
        if (r.getLong(1) > 0) {
          throw new IllegalStateException(r.getLong(1) + " balances of " + name() + " differ from their ledger");
        }
      }
    }

    @Override
    public void close() throws Exception {
      stop(api);
      stop(worker);
      STARTED.remove(api);
      STARTED.remove(worker);
    }
  }

  void probeReads(String name, String path, boolean signedIn) throws Exception {
    Map<String, Long> before = cpuTicks();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    Run run = load(CONNECTIONS, () -> System.nanoTime() < deadline, (user, ignored) -> status(path,
        signedIn ? users.get(user).token() : null));
    Map<String, Long> after = cpuTicks();
    long requests = run.latencyNanos().length;
    row(name + ", 16 connections", String.format("%.0f answered/s", requests / run.seconds()),
        String.format("p50 %.1f ms, p99 %.1f ms, %d failed; CPU ms per request:%s", pct(run.latencyNanos(), 50),
            pct(run.latencyNanos(), 99), run.failed(), cpuPer(before, after, requests)));
  }

  int status(String path, String token) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  /** The CPU time each process spent between two readings, per item, in ms. */
  static String cpuPer(Map<String, Long> before, Map<String, Long> after, long items) {
    return cpuText(cpuPerItem(before, after, items));
  }

  /** The CPU time each process spent between two readings, per item, in ms, by process. */
  static Map<String, Double> cpuPerItem(Map<String, Long> before, Map<String, Long> after, long items) {
    Map<String, Double> per = new LinkedHashMap<>();
    after.forEach((process, ticks) -> per.put(process, (ticks - before.get(process)) * 10.0 / items));
    return per;
  }

  static String cpuText(Map<String, Double> perProcess) {
    StringBuilder cpu = new StringBuilder();
    perProcess.forEach((process, ms) -> cpu.append(String.format(" %s %.2f,", process, ms)));
    return cpu.substring(0, cpu.length() - 1);
  }

  /** CPU time (user + system, in 10 ms ticks) of Payara, the broker, PostgreSQL and this client. */
  Map<String, Long> cpuTicks() throws IOException {
    Map<String, Long> ticks = new LinkedHashMap<>();
    long payara = 0;
    for (String pid : args.get("payara-pid").split(",")) {
      payara += ticksOf(Long.parseLong(pid));
    }
    ticks.put("Payara", payara);
    ticks.put("broker", ticksOf(Long.parseLong(args.get("broker-pid"))));
    ticks.put("PostgreSQL", postgresTicks());
    ticks.put(LOAD_CLIENT, ticksOf(ProcessHandle.current().pid()));
    return ticks;
  }

  static final String LOAD_CLIENT = "load client";

  /**
   * The cluster's CPU ticks: the postmaster's own and those of the backends it has reaped (a pool's
   * idle connection closed between two readings keeps its time in the sum), plus its live children.
   */
  long postgresTicks() {
    long postmaster = Long.parseLong(args.get("postgres-pid"));
    long postgres = ticksOf(postmaster, true);
    for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
      postgres += ticksOf(child.pid());
    }
    return postgres;
  }

  static long ticksOf(long pid) {
    return ticksOf(pid, false);
  }

  /** utime + stime of the process from /proc, with its reaped children's if asked (0 once gone). */
  static long ticksOf(long pid, boolean reapedChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return reapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
    } catch (IOException e) {
      return 0; // a backend that ended meanwhile
    }
  }

  // --- the load ---------------------------------------------------------------------------

  Run submit(int connections, int seconds) throws InterruptedException {
    return submit(project, connections, seconds);
  }

  /** Orders to either side for that many seconds, closed loop. */
  Run submit(Side side, int connections, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    return load(connections, () -> System.nanoTime() < deadline, side::order);
  }

  Run submitCount(int connections, int count) throws InterruptedException {
    AtomicInteger left = new AtomicInteger(count);
    return load(connections, () -> left.getAndDecrement() > 0, this::order);
  }

  /**
   * One request of user number {@code user} (0 to {@link #USERS} - 1): its HTTP status; adds the
   * generation to {@code accepted} if any.
   */
  interface Request {
    int send(int user, ConcurrentLinkedQueue<UUID> accepted);
  }

  /** Closed loop: each connection sends again as soon as it has its answer, while {@code more}. */
  Run load(int connections, BooleanSupplier more, Request request) throws InterruptedException {
    ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(connections);
    long began = System.nanoTime();
    for (int t = 0; t < connections; t++) {
      int thread = t;
      new Thread(() -> {
        long[] mine = new long[200_000];
        int n = 0;
        int k = 0;
        while (more.getAsBoolean() && n < mine.length) {
          int user = (thread + k++ * connections) % USERS;
          long start = System.nanoTime();
          int status = request.send(user, accepted);
          mine[n++] = System.nanoTime() - start;
          if (status == 402 || status == 503) {
            refused.incrementAndGet();
          } else if (status / 100 != 2) {
            failed.incrementAndGet();
          }
        }
        latencies.add(Arrays.copyOf(mine, n));
        finished.countDown();
      }, "load-" + t).start();
    }
    finished.await();
    double elapsed = (System.nanoTime() - began) / 1e9;
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Run(elapsed, new ArrayList<>(accepted), all, refused.get(), failed.get());
  }

  /** Orders at a fixed rate (open loop), whatever the latency; returns the accepted ids. */
  List<UUID> fixedRate(int perSecond, int seconds) throws InterruptedException {
    ConcurrentLinkedQueue<UUID> accepted = new ConcurrentLinkedQueue<>();
    ExecutorService senders = Executors.newFixedThreadPool(32);
    long interval = 1_000_000_000L / perSecond;
    long began = System.nanoTime();
    for (int i = 0; i < perSecond * seconds; i++) {
      long due = began + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int user = i % USERS;
      senders.execute(() -> order(user, accepted));
    }
    senders.shutdown();
    senders.awaitTermination(1, TimeUnit.MINUTES);
    return new ArrayList<>(accepted);
  }

  int order(int number, ConcurrentLinkedQueue<UUID> accepted) {
    User user = users.get(number);
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url() + "/api/apps/avatar-creator/projects/" + user.project()
                          + "/avatars/generate"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + user.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(
                      "{\"prompt\":\"a benchmark portrait\",\"name\":\"Bench\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 202) {
        accepted.add(UUID.fromString(first(ID, answer.body())));
      }
      return answer.statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  // --- set-up --------------------------------------------------------------------------------

  /** The operator's token (set up with the users): reads /metrics. */
  String admin;

  List<User> createUsers(int count) throws Exception {
    admin = token(post("/api/auth/register", null,
        "{\"email\":\"" + args.get("admin") + "\",\"password\":\"bench password\",\"name\":\"Bench\"}"));
    List<User> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String body = post("/api/auth/register", null,
          "{\"email\":\"bench-" + i + "-" + UUID.randomUUID() + "@lumiku.bench\",\"password\":\"bench password\","
              + "\"name\":\"Bench " + i + "\"}");
      UUID id = UUID.fromString(first(ID, body));
      String token = token(body);
      post("/api/admin/users/" + id + "/credits", admin,
          "{\"amount\":1000000000,\"reason\":\"benchmark credits\"}");
      UUID project = UUID.fromString(first(ID, post("/api/apps/avatar-creator/projects", token,
          "{\"name\":\"Bench project\"}")));
      created.add(new User(id, token, project));
    }
    return created;
  }

  String post(String path, String token, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return answer.body();
  }

  static String token(String body) {
    return first(TOKEN, body);
  }

  static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("No " + pattern + " in " + text);
    }
    return m.group(1);
  }

  // --- what the database says ----------------------------------------------------------------

  Connection db() throws SQLException {
    // The credentials of the database and the broker come from the environment bench/run set for ./run.
    return DriverManager.getConnection(args.get("db"), "postgres", System.getenv("LUMIKU_DB_PASSWORD"));
  }

  long single(String sql, Object... parameters) throws SQLException {
    return first(sql, r -> r.getLong(1), parameters);
  }

  String text(String sql, Object... parameters) throws SQLException {
    return first(sql, r -> r.getString(1), parameters);
  }

  interface Column<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** The first column of the first row a query returns. */
  <T> T first(String sql, Column<T> column, Object... parameters) throws SQLException {
    try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return column.read(r);
      }
    }
  }

  long unfinished() throws SQLException {
    return single("SELECT count(*) FROM generations WHERE status IN ('pending', 'processing')");
  }

  Duration awaitDrained(Duration atMost) throws Exception {
    return awaitDrained(project, atMost);
  }

  static Duration awaitDrained(Side side, Duration atMost) throws Exception {
    long began = System.nanoTime();
    while (side.unfinished() > 0) {
      if (System.nanoTime() - began > atMost.toNanos()) {
        throw new IllegalStateException("Not drained within " + atMost);
      }
      Thread.sleep(100);
    }
    return Duration.ofNanos(System.nanoTime() - began);
  }

  /** Every accepted order has its generation row, its deduct entry, and is queued or done. */
  void verify(List<UUID> accepted) throws SQLException {
    requireEvery(this::db, "SELECT count(*) FROM generations g WHERE g.id = ANY (?)"
        + " AND g.status IN ('pending', 'processing', 'completed')"
        + " AND EXISTS (SELECT 1 FROM credit_transactions t WHERE t.type = 'deduct'"
        + " AND t.reference_id = g.id AND t.amount = -g.credit_cost)", accepted, "the project");
    long balanceMismatches = single(
        "SELECT count(*) FROM credit_accounts a WHERE a.balance <> (SELECT coalesce(sum(amount), 0)"
            + " FROM credit_transactions t WHERE t.user_id = a.user_id)");
    if (balanceMismatches > 0) {
      throw new IllegalStateException(balanceMismatches + " balances differ from their ledger");
    }
  }

  /**
   * Dispatch: from the commit of the order (the commit time of its deduct entry, which is written
   * once, in the order's transaction; needs track_commit_timestamp) to the worker's start, and from
   * the order's creation to its completion.
   */
  void dispatchRow(String name, List<UUID> ids) throws SQLException {
    try (Connection c = db();
        PreparedStatement s = c.prepareStatement(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM g.started_at - pg_xact_commit_timestamp(t.xmin))),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM g.started_at - pg_xact_commit_timestamp(t.xmin))),"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM g.completed_at - g.created_at)),"
                + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM g.completed_at - g.created_at)),"
                + " count(*) FILTER (WHERE g.status = 'completed' AND g.attempts = 1), count(*)"
                + " FROM generations g JOIN credit_transactions t ON t.reference_id = g.id AND t.type = 'deduct'"
                + " WHERE g.id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        row(name,
            String.format("commit->MDB start p50 %.1f ms, p99 %.1f ms", r.getDouble(1) * 1000, r.getDouble(2) * 1000),
            String.format("submit->completed p50 %.1f ms, p99 %.1f ms; %d of %d completed at the first attempt",
                r.getDouble(3) * 1000, r.getDouble(4) * 1000, r.getLong(5), r.getLong(6)));
      }
    }
  }

  interface Intake {
    Run run() throws Exception;
  }

  void drainRow(String name, Intake intake) throws Exception {
    pause();
    Run queued = intake.run();
    verify(queued.accepted());
    Instant released = Instant.now();
    long began = System.nanoTime();
    resume();
    awaitDrained(Duration.ofMinutes(10));
    double seconds = (System.nanoTime() - began) / 1e9;
    row(name, String.format("%.0f completed/s", queued.accepted().size() / seconds),
        String.format("%d orders queued with the workers paused (%.0f accepted/s meanwhile), drained in %.1f s",
            queued.accepted().size(), queued.perSecond(), seconds));
  }

  /** The query counts, of the accepted orders (its parameter), those with a generation and deduction. */
  static void requireEvery(Database database, String count, List<UUID> accepted, String side)
      throws SQLException {
    try (Connection c = database.open(); PreparedStatement s = c.prepareStatement(count)) {
      s.setArray(1, c.createArrayOf("uuid", accepted.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        if (r.getLong(1) != accepted.size()) {
          throw new IllegalStateException("Only " + r.getLong(1) + " of " + accepted.size()
              + " accepted orders of " + side + " have their generation and deduction");
        }
      }
    }
  }

  long completedSince(Instant since) throws SQLException {
    return single("SELECT count(*) FROM generations WHERE completed_at >= ?",
        java.sql.Timestamp.from(since));
  }

  /** History: completed generations of the bench users, with deduct entries balanced by a grant. */
  void insertHistory(int rows) throws SQLException {
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE template AS SELECT * FROM generations WHERE status = 'completed' LIMIT 1");
      s.execute("CREATE TEMP TABLE history AS SELECT gen_random_uuid() AS id, u.user_id,"
          + " now() - (n || ' minutes')::interval AS created_at"
          + " FROM generate_series(1, " + rows + ") n"
          + " JOIN (SELECT user_id, row_number() OVER () - 1 AS k FROM credit_accounts) u"
          + " ON u.k = n % (SELECT count(*) FROM credit_accounts)");
      s.execute("INSERT INTO generations (id, user_id, app, type, status, progress, attempts, credit_cost,"
          + " refunded, parameters, result, ended_by, jobs_completed, created_at, started_at, completed_at,"
          + " updated_at)"
          + " SELECT h.id, h.user_id, t.app, t.type, 'completed', 100, 1, t.credit_cost, false, t.parameters,"
          + " t.result, 'worker', 1, h.created_at, h.created_at, h.created_at, h.created_at"
          + " FROM history h, template t");
      s.execute("INSERT INTO generation_jobs (id, generation_id, position, status, attempts, credit_cost,"
          + " parameters, result, ended_by, created_at, started_at, completed_at, updated_at)"
          + " SELECT h.id, h.id, 0, 'completed', 1, t.credit_cost, '{}', t.result, 'worker', h.created_at,"
          + " h.created_at, h.created_at, h.created_at FROM history h, template t");
      s.execute("INSERT INTO credit_transactions (id, user_id, amount, balance_after, type, reference_type,"
          + " reference_id, description, created_at)"
          + " SELECT gen_random_uuid(), h.user_id, -t.credit_cost, 0, 'deduct', 'generation', h.id,"
          + " 'history', h.created_at FROM history h, template t");
      s.execute("INSERT INTO credit_transactions (id, user_id, amount, balance_after, type, description, created_at)"
          + " SELECT gen_random_uuid(), h.user_id, sum(t.credit_cost), 0, 'grant', 'history', min(h.created_at)"
          + " FROM history h, template t GROUP BY h.user_id");
      s.execute("ANALYZE");
    }
  }

  /** Pending generations (charged) whose messages wait in the broker. */
  List<UUID> insertWaiting(int rows) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE template AS SELECT * FROM generations WHERE status = 'completed'"
          + " AND user_id = '" + users.get(0).id() + "' LIMIT 1");
      s.execute("CREATE TEMP TABLE waiting AS SELECT gen_random_uuid() AS id, now() AS created_at"
          + " FROM generate_series(1, " + rows + ")");
      s.execute("INSERT INTO generations (id, user_id, app, type, status, progress, attempts, credit_cost,"
          + " refunded, parameters, created_at, updated_at)"
          + " SELECT w.id, t.user_id, t.app, t.type, 'pending', 0, 0, t.credit_cost, false, t.parameters,"
          + " w.created_at, w.created_at FROM waiting w, template t");
      s.execute("INSERT INTO generation_jobs (id, generation_id, position, status, attempts, credit_cost,"
          + " parameters, created_at, updated_at)"
          + " SELECT w.id, w.id, 0, 'pending', 0, t.credit_cost, '{}', w.created_at, w.created_at"
          + " FROM waiting w, template t");
      s.execute("INSERT INTO credit_transactions (id, user_id, amount, balance_after, type, reference_type,"
          + " reference_id, description, created_at)"
          + " SELECT gen_random_uuid(), t.user_id, -t.credit_cost, 0, 'deduct', 'generation', w.id,"
          + " 'backlog', w.created_at FROM waiting w, template t");
      s.execute("UPDATE credit_accounts a SET balance = balance - " + rows + " * t.credit_cost"
          + " FROM template t WHERE a.user_id = t.user_id");
      try (ResultSet r = s.executeQuery("SELECT id FROM waiting")) {
        while (r.next()) {
          ids.add(r.getObject(1, UUID.class));
        }
      }
      s.execute("ANALYZE");
    }
    return ids;
  }

  void listRows(String name) throws Exception {
    User user = users.get(1);
    int requests = quick ? 200 : 1000;
    long[] first = new long[requests];
    long[] next = new long[requests];
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int i = 0;
    for (; i < requests && System.nanoTime() < deadline; i++) {
      long start = System.nanoTime();
      String page = get("/api/generations?limit=20", user.token());
      first[i] = System.nanoTime() - start;
      String cursor = first(NEXT, page);
      start = System.nanoTime();
      get("/api/generations?limit=20&status=completed&cursor=" + cursor, user.token());
      next[i] = System.nanoTime() - start;
    }
    first = Arrays.copyOf(first, i);
    next = Arrays.copyOf(next, i);
    Arrays.sort(first);
    Arrays.sort(next);
    long rows = single("SELECT count(*) FROM generations WHERE user_id = ?", user.id());
    row(name, String.format("first page p50 %.1f ms, p99 %.1f ms", pct(first, 50), pct(first, 99)),
        String.format("next page (cursor, status filter) p50 %.1f ms, p99 %.1f ms; %d requests each (60 s at most);"
            + " the user has %,d generations", pct(next, 50), pct(next, 99), i, rows));
  }

  // --- Pose Generator ---------------------------------------------------------------------------

  static final String POSES = "/api/apps/pose-generator";
  static final int BATCH = 20;

  /**
   * Batches of 20 library poses, one after another, each timed from the POST to its generation's
   * end (polled in the database every 10 ms), for a user posing an avatar the model drew.
   */
  void poseBatches(int batches) throws Exception {
    User user = users.get(2);
    UUID avatarGeneration = UUID.fromString(first(ID, post(
        "/api/apps/avatar-creator/projects/" + user.project() + "/avatars/generate", user.token(),
        "{\"prompt\":\"bench avatar\",\"name\":\"Bench\"}")));
    awaitEnded(avatarGeneration, Duration.ofSeconds(60));
    String avatar = text("SELECT id::text FROM avatars WHERE generation_id = ?", avatarGeneration);
    String project = first(ID, post(POSES + "/projects", user.token(),
        "{\"name\":\"Bench poses\",\"avatarId\":\"" + avatar + "\"}"));
    String poseIds = text("SELECT string_agg('\"' || id || '\"', ',') FROM (SELECT id FROM pose_library"
        + " WHERE is_public ORDER BY id LIMIT " + BATCH + ") p");
    String order = "{\"poseIds\":[" + poseIds + "]}";
    long[] took = new long[batches];
    for (int i = 0; i < batches; i++) {
      long start = System.nanoTime();
      UUID generation = UUID.fromString(first(ID, post(POSES + "/projects/" + project + "/generations",
          user.token(), order)));
      String status = awaitEnded(generation, Duration.ofSeconds(60));
      took[i] = System.nanoTime() - start;
      if (!status.equals("completed")) {
        throw new IllegalStateException("Pose batch " + generation + " ended " + status);
      }
    }
    Arrays.sort(took);
    row("pose batch, " + BATCH + " poses: submit -> last pose",
        String.format("p50 %.0f ms, p95 %.0f ms", pct(took, 50), pct(took, 95)),
        batches + " batches one after another, 4 pose workers, each pose a job (message) of its own");
  }

  /** Polls the generation until it has ended; its status. */
  String awaitEnded(UUID generation, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      String status = text("SELECT status FROM generations WHERE id = ?", generation);
      if (!status.equals("pending") && !status.equals("processing")) {
        return status;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("Generation " + generation + " did not end within " + atMost);
  }

  /**
   * The library grown to 10,000 poses (copies of the shipped 80 with their own names, usage and
   * ratings, inserted by SQL), browsed as the web page does: the first page in each order, a
   * category, a text search, the next page; p50/p95 of each kind of request.
   */
  void poseLibrary() throws Exception {
    try (Connection c = db(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO pose_library (id, category_id, name, description, difficulty,"
          + " gender_suitability, tags, keypoints, controlnet_weight, featured, usage_count,"
          + " favorite_count, rating_avg, created_at) SELECT gen_random_uuid(), category_id,"
          + " name || ' ' || g, description, difficulty, gender_suitability, tags, keypoints,"
          + " controlnet_weight, false, (random() * 1000)::int, 0, round((random() * 5)::numeric, 2),"
          + " now() - g * interval '1 minute' FROM pose_library, generate_series(1, 124) g");
      s.execute("ANALYZE pose_library");
    }
    long poses = single("SELECT count(*) FROM pose_library WHERE is_public");
    String token = users.get(3).token();
    String[] queries = {
      "limit=20", "limit=20&sort=newest", "limit=20&sort=rating", "limit=20&category=standing",
      "limit=20&q=warrior", "limit=20&difficulty=beginner&gender=female"
    };
    int rounds = quick ? 50 : 200;
    long[] first = new long[rounds * queries.length];
    long[] next = new long[rounds * queries.length];
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      for (String query : queries) {
        long start = System.nanoTime();
        String page = get(POSES + "/library?" + query, token);
        first[n] = System.nanoTime() - start;
        Matcher cursor = NEXT.matcher(page);
        start = System.nanoTime();
        if (cursor.find()) {
          get(POSES + "/library?" + query + "&cursor=" + cursor.group(1), token);
        }
        next[n++] = System.nanoTime() - start;
      }
    }
    Arrays.sort(first);
    Arrays.sort(next);
    row("pose library, " + String.format("%,d", poses) + " poses",
        String.format("first page p50 %.1f ms, p95 %.1f ms", pct(first, 50), pct(first, 95)),
        String.format("next page p50 %.1f ms, p95 %.1f ms; %d requests each over %d kinds"
            + " (orders, category, text search, filters)", pct(next, 50), pct(next, 95), n,
            queries.length));
  }

  String get(String path, String token) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url() + path))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode());
    }
    return answer.body();
  }

  // --- the broker ----------------------------------------------------------------------------

  /** An operation of the broker's management, through the application's own client. */
  Object management(String resource, String operation, Object... parameters) {
    URI broker = URI.create(args.get("broker"));
    try (ManagementClient client =
        new ManagementClient(broker.getHost(), broker.getPort(),
            System.getenv().getOrDefault("LUMIKU_BROKER_MANAGEMENT_USER", "lumiku-manage"),
            System.getenv("LUMIKU_BROKER_MANAGEMENT_PASSWORD"), Duration.ofSeconds(10))) {
      return client.operation(resource, operation, parameters);
    }
  }

  void pause() throws Exception {
    management(ResourceNames.QUEUE + QUEUE, "pause");
  }

  void resume() throws Exception {
    management(ResourceNames.QUEUE + QUEUE, "resume");
  }

  String brokerPaging() throws Exception {
    Object paging = management(ResourceNames.ADDRESS + QUEUE, "isPaging");
    Object pages = management(ResourceNames.ADDRESS + QUEUE, "getNumberOfPages");
    Object memory = management(ResourceNames.ADDRESS + QUEUE, "getAddressSize");
    return paging + ", " + pages + " pages, " + (((Number) memory).longValue() >> 20) + " MiB in memory";
  }

  /** Sends the messages the application would have sent, as JMS text messages, in batches. */
  void inject(List<UUID> ids) throws Exception {
    try (ServerLocator locator = ActiveMQClient.createServerLocator(args.get("broker"));
        ClientSessionFactory factory = locator.createSessionFactory();
        ClientSession session = factory.createSession(
            System.getenv().getOrDefault("LUMIKU_BROKER_USER", "lumiku"), System.getenv("LUMIKU_BROKER_PASSWORD"),
            false, false, false, false, locator.getAckBatchSize());
        ClientProducer producer = session.createProducer(QUEUE)) {
      int n = 0;
      for (UUID id : ids) {
        ClientMessage message = session.createMessage(Message.TEXT_TYPE, true);
        message.getBodyBuffer().writeNullableSimpleString(SimpleString.of(
            new GenerationMessage(id, id, AvatarCreator.FROM_PROMPT).toJson()));
        message.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, SimpleString.of(id.toString()));
        producer.send(message);
        if (++n % 1000 == 0) {
          session.commit();
        }
      }
      session.commit();
    }
  }

  // --- figures -------------------------------------------------------------------------------

  /** A memory figure of the process (of all of them, summed, for several Payara instances). */
  String rss(String pidArgument, String field) throws IOException {
    long kb = 0;
    for (String pid : args.get(pidArgument).split(",")) {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith(field + ":")) {
          kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    }
    return (kb / 1024) + " MiB";
  }

  static double pct(long[] sortedNanos, double percentile) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  void row(String what, String figure, String detail) {
    table.add(new String[] {what, figure, detail});
    System.out.printf("bench: %-45s %-40s %s%n", what, figure, detail);
  }

  void report() throws Exception {
    StringBuilder md = new StringBuilder();
    md.append("# Lumiku benchmark results\n\n");
    md.append("Command: `bench/run").append(quick ? " --quick" : "")
        .append(urls.size() > 1 ? " --instances " + urls.size() : "").append("` on ").append(Instant.now())
        .append("\n\n");
    md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(memTotal()).append(", ").append(System.getProperty("os.name")).append(' ')
        .append(System.getProperty("os.version")).append("; Java ").append(System.getProperty("java.version"))
        .append(", Payara Micro 6.2025.10, Artemis 2.53.0, ").append(postgres).append(".\n");
    md.append("Load client: bench/Bench.java (Java HttpClient, HTTP/1.1 keep-alive, closed loop per connection,")
        .append(" 64 users round-robin) on the same machine; no-op model (lumiku.generator=blank), ")
        .append(System.getenv().getOrDefault("LUMIKU_WORKERS_AVATAR_CONCURRENCY", "4"))
        .append(" avatar workers; ").append(warmup)
        .append(" s of orders as a warm-up before the first measurement.\n");
    md.append("Peers (rows \"peer ...\"): ../shared/bench-peers, the same core step (deduct credits, record a")
        .append(" generation, enqueue it; a worker moves it pending -> processing -> completed) in Node with pg:")
        .append(" `bullmq` (the seed's design, Redis, not atomic) and `pgboss` (atomic), ")
        .append(args.getOrDefault("peer-workers", "16")).append(" workers (as the project's) and pools of ")
        .append(args.getOrDefault("peer-pool", "16")).append(" connections, in a database of their own on the")
        .append(" same PostgreSQL cluster; measured after the project, with the same load client, connections")
        .append(" and seconds, while the project is idle. Completed orders/s: the orders accepted in the window")
        .append(" over the window and the drain after it.\n\n");
    md.append("| measurement | figure | detail |\n|---|---|---|\n");
    for (String[] r : table) {
      md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" |\n");
    }
    md.append('\n');
    if (!cpuTable.isEmpty()) {
      md.append("CPU ms per order, by process and phase (user + system time from /proc; intake: per order")
          .append(" accepted with the workers paused; work: per generation completed once they are released;")
          .append(" total: the server's processes, without the load client):\n\n")
          .append("| side | phase | total | by process |\n|---|---|---|---|\n");
      for (CpuRow r : cpuTable) {
        md.append(String.format("| %s | %s | %.2f |%s |%n", r.side(), r.phase(), serverCpu(r.perProcess()),
            cpuText(r.perProcess())));
      }
      md.append('\n');
    }
    for (String note : notes) {
      md.append("- ").append(note).append('\n');
    }
    Path results = Path.of(args.get("results"));
    String previous = Files.exists(results) ? Files.readString(results) : "";
    int history = previous.indexOf("\n## ");
    String kept = history >= 0 ? previous.substring(history) : "";
    Files.writeString(results, md + kept);
    System.out.println("bench: written to " + results);
  }

  static String memTotal() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 20) + " GiB";
      }
    }
    return "?";
  }

  String postgresVersion() throws SQLException {
    try (Connection c = db(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW server_version")) {
      r.next();
      return "PostgreSQL " + r.getString(1).split(" ")[0];
    }
  }
}

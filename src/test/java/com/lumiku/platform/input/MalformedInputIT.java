package com.lumiku.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.JsonDocuments;
import com.lumiku.testing.Api;
import com.lumiku.testing.Api.Member;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.PayaraProcess;
import com.lumiku.testing.ProjectScripts;
import com.lumiku.testing.Routes;
import com.lumiku.testing.Routes.Route;
import com.lumiku.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Malformed bodies, ids and query parameters thrown at every route of the API (as its compiled
 * resources declare them), on the application started as {@code ./run} starts it (bin/payara, so
 * its pre-boot commands too): each answer must be a 4xx {@code application/problem+json} that names
 * no class, SQL or server, with no {@code Server} or {@code X-Powered-By} header, and no table may
 * change (nothing charged, stored or queued), the balance staying its ledger.
 *
 * <p>A try is one round: a malformed request for every route. Four rounds by default ({@code
 * -Dit.malformed.rounds}), a few hundred requests; a failure names its seed, and {@code
 * -Dit.malformed.seed} replays it.
 */
// (Propagated to the properties: a hook on the class alone would apply to the class only.)
@AddLifecycleHook(
    value = MalformedInputIT.SeedFromSystemProperty.class,
    propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class MalformedInputIT {

  private static final List<Route> ROUTES = Routes.all();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static PayaraProcess payara;
  private static Api api;
  private static Member member;
  private static Member admin;

  @BeforeContainer
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    payara =
        new PayaraProcess(
            port, Path.of(ProjectScripts.itDir("malformed-input")).resolve("data"), Map.of());
    payara.start();
    api = new Api(new URL(payara.baseUrl() + "/"));
    member = api.register();
    admin = api.admin();
  }

  @AfterContainer
  static void stop() throws InterruptedException {
    if (payara != null) {
      payara.close();
    }
  }

  /**
   * The rounds ({@code -Dit.malformed.rounds}, 4 by default) and, to replay a failure, the seed
   * ({@code -Dit.malformed.seed=<the seed jqwik reported>}).
   */
  public static class SeedFromSystemProperty implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(
        PropertyLifecycleContext context, PropertyExecutor property) {
      String seed = System.getProperty("it.malformed.seed", "");
      if (!seed.isBlank()) {
        context.attributes().setSeed(seed.strip());
      }
      context.attributes().setTries(Integer.getInteger("it.malformed.rounds", 4));
      return property.execute();
    }
  }

  /**
   * Every table's digest but the rate limits' buckets: those count attempts by design, refused ones
   * included (a wrong password is exactly what the sign-in limits must count), and hold no user
   * data (hashed keys, token counts).
   */
  private static Map<String, String> storedData() {
    Map<String, String> digests = TestDatabase.contentDigests();
    digests.remove("rate_limit_buckets");
    return digests;
  }

  /** One request, as sent. */
  record Malformed(
      Route route, String path, String query, String contentType, byte[] body, boolean chunked) {

    @Override
    public String toString() {
      String shown =
          body == null
              ? ""
              : " "
                  + contentType
                  + " "
                  + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
                  + (body.length > 300 ? "... (" + body.length + " bytes)" : "");
      return route.method()
          + " "
          + path
          + (query.isEmpty() ? "" : "?" + query)
          + (chunked ? " chunked" : "")
          + shown;
    }
  }

  @Property(shrinking = ShrinkingMode.OFF)
  void everyRouteRefusesMalformedInputWithA4xxProblemAndChangesNothing(
      @ForAll("rounds") List<Malformed> round) throws Exception {
    Map<String, String> before = storedData();
    List<String> failures = new ArrayList<>();
    for (Malformed request : round) {
      String failure = check(send(request, request.route().isAdmin() ? admin : member));
      if (failure != null) {
        failures.add(request + "\n    -> " + failure);
      }
    }
    assertThat(failures).as("answers that are not a clean 4xx problem").isEmpty();
    assertThat(storedData()).as("tables after the round").isEqualTo(before);
    LedgerInvariants.assertBalanceIsLedger(member.id());
    LedgerInvariants.assertBalanceIsLedger(admin.id());
  }

  @Provide
  Arbitrary<List<Malformed>> rounds() {
    List<Arbitrary<Malformed>> each = ROUTES.stream().map(MalformedInputIT::malformed).toList();
    return Combinators.combine(each).as(List::copyOf);
  }

  /** What the issue found, each once: now refused before anything is charged. */
  @Example
  void theReportedHolesAreClosed() throws Exception {
    Map<String, String> before = storedData();
    String generate =
        "/api/apps/avatar-creator/projects/" + UUID.randomUUID() + "/avatars/generate";
    for (String body :
        List.of(
            "{\"prompt\":\"a cat\\u0000\"}",
            "{\"prompt\":123}",
            "{\"prompt\":true}",
            "{\"prompt\":\"a cat\",\"width\":512.5}",
            "{\"prompt\":\"a cat\",\"width\":\"512\"}",
            "[".repeat(100_000))) {
      assertCleanProblem(
          post(generate, "application/json", body.getBytes(StandardCharsets.UTF_8), false), 400);
    }
    assertCleanProblem(
        post(
            "/api/apps/avatar-creator/projects",
            "application/json",
            "{\"name\":\"n\\u0000\"}".getBytes(StandardCharsets.UTF_8),
            false),
        400);
    for (String body : List.of("{\"name\":-2}", "{\"name\":true}", "{\"name\":[\"x\"]}")) {
      // A route that reads nothing but the body: only the strict reading can refuse these.
      assertCleanProblem(
          post(
              "/api/apps/pose-generator/projects",
              "application/json",
              body.getBytes(StandardCharsets.UTF_8),
              false),
          400);
    }
    assertCleanProblem(get("/api/generations?cursor=" + "A".repeat(2000)), 400);
    assertCleanProblem(get("/api/generations?cursor=" + farFutureCursor()), 400);
    assertCleanProblem(get("/api/generations?status=%00"), 400);
    assertThat(storedData()).isEqualTo(before);
  }

  /** The body limit holds before parsing, with a Content-Length and without one. */
  @Example
  void aBodyOverTheLimitIs413WhetherItSaysItsLengthOrNot() throws Exception {
    byte[] large =
        ("{\"name\":\"" + "a".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertCleanProblem(
        post("/api/apps/avatar-creator/projects", "application/json", large, false), 413);
    assertCleanProblem(
        post("/api/apps/avatar-creator/projects", "application/json", large, true), 413);
    // An upload keeps its own, larger limit: 2 MiB is no picture (400), but not too large.
    String boundary = "b" + UUID.randomUUID();
    byte[] upload =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"x.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "x".repeat(2 * 1024 * 1024)
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        post(
            "/api/apps/pose-generator/projects/" + UUID.randomUUID() + "/image",
            "multipart/form-data; boundary=" + boundary,
            upload,
            false);
    assertThat(answer.statusCode()).isNotEqualTo(413);
    assertThat(check(answer)).isNull();
  }

  /** What the container answers itself is a problem document too. */
  @Example
  void containerErrorsAreProblemsAndTheServerIsNotNamed() throws Exception {
    assertCleanProblem(get("/api/no-such-route"), 404);
    assertCleanProblem(get("/no-such-page"), 404);
    assertCleanProblem(send(HttpRequest.newBuilder(uri("/api/credits")).DELETE(), member), 405);
    assertCleanProblem(
        post(
            "/api/apps/avatar-creator/projects",
            "application/x-www-form-urlencoded",
            "name=x".getBytes(StandardCharsets.UTF_8),
            false),
        415);
    // Headers over Grizzly's buffer are refused before any servlet runs: a 4xx without a problem
    // document (see the README's Security section), but without naming the server either.
    HttpResponse<String> longHeader =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/credits"))
                .header("X-Long", "a".repeat(20_000))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(longHeader.statusCode()).isBetween(400, 499);
    assertThat(longHeader.headers().firstValue("Server")).isEmpty();
    HttpResponse<String> page =
        HTTP.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Server")).isEmpty();
    assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
  }

  /**
   * A path holding an encoded NUL or slash is refused by Payara's HTTP layer before any servlet
   * runs: a bare 400 the application cannot turn into a problem document (the README's Security
   * section says so), but a 4xx that names no server, and nothing changes.
   */
  @Example
  void whatTheHttpLayerRefusesIsStillA4xx() throws Exception {
    Map<String, String> before = storedData();
    for (String path :
        List.of(
            "/api/generations/a%00b",
            "/api/generations/..%2F..%2Fetc%2Fpasswd",
            "/api/apps/avatar-creator/projects/%00/avatars/generate")) {
      HttpResponse<String> answer =
          send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a cat\"}")),
              member);
      assertThat(answer.statusCode()).as(path).isBetween(400, 499);
      assertThat(answer.headers().firstValue("Server")).as(path).isEmpty();
    }
    assertThat(storedData()).isEqualTo(before);
  }

  /** The processing time is reported in milliseconds, under a name that says so. */
  @Example
  void processingTimeIsReportedInMilliseconds() throws Exception {
    Member buyer = api.register();
    UUID project = api.createProject(buyer);
    UUID generation = api.acceptedAvatar(buyer, project, "a lighthouse at dusk");
    assertThat(api.awaitTerminal(buyer, generation, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");
    String metrics =
        api.as(admin).accept("text/plain").get("/metrics?scope=application").asString();
    assertThat(metrics).doesNotContain("generations_processing_time_seconds");
    double count = metric(metrics, "generations_processing_milliseconds_count");
    double sum = metric(metrics, "generations_processing_milliseconds_sum");
    assertThat(count).isGreaterThanOrEqualTo(1);
    // The local model takes 0.2 s here: a mean in milliseconds, not nanoseconds or seconds.
    assertThat(sum / count).isBetween(50.0, 60_000.0);
    LedgerInvariants.assertBalanceIsLedger(buyer.id());
  }

  private static double metric(String text, String name) {
    return text.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  // --- what is sent ---

  private static final String[] LEAKS = {
    "Exception",
    "java.",
    "jakarta.",
    "org.",
    "SQL",
    "sql",
    "Payara",
    "Yasson",
    "EclipseLink",
    "Grizzly",
    " at com."
  };

  /** Null if the answer is a clean 4xx problem, otherwise what is wrong with it. */
  private static String check(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status < 400 || status >= 500) {
      return "status " + status + ": " + answer.body();
    }
    String type = answer.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "status " + status + " as " + type + ": " + answer.body();
    }
    if (answer.headers().firstValue("Server").isPresent()
        || answer.headers().firstValue("X-Powered-By").isPresent()) {
      return "names the server: " + answer.headers().map();
    }
    JsonObject problem;
    try {
      problem = JsonDocuments.parseObject(answer.body());
    } catch (RuntimeException notJson) {
      return "not a JSON problem: " + answer.body();
    }
    if (problem.getInt("status", 0) != status || !problem.containsKey("title")) {
      return "problem does not match the status " + status + ": " + answer.body();
    }
    for (String leak : LEAKS) {
      if (answer.body().contains(leak)) {
        return "tells internals (" + leak + "): " + answer.body();
      }
    }
    return null;
  }

  private static void assertCleanProblem(HttpResponse<String> answer, int status) {
    assertThat(check(answer)).as("answer %s %s", answer.statusCode(), answer.body()).isNull();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
  }

  private static HttpResponse<String> send(Malformed request, Member as) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
            uri(request.path() + (request.query().isEmpty() ? "" : "?" + request.query())));
    if (request.body() == null) {
      builder.method(request.route().method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", request.contentType())
          .method(request.route().method(), publisher(request.body(), request.chunked()));
    }
    return send(builder, as);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, Member as)
      throws IOException, InterruptedException {
    return HTTP.send(
        request
            .header("Authorization", "Bearer " + as.token())
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), member);
  }

  private static HttpResponse<String> post(
      String path, String contentType, byte[] body, boolean chunked) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(publisher(body, chunked)),
        member);
  }

  /** A body with its Content-Length, or streamed in chunks without one. */
  private static HttpRequest.BodyPublisher publisher(byte[] body, boolean chunked) {
    return chunked
        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
        : HttpRequest.BodyPublishers.ofByteArray(body);
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(payara.baseUrl() + pathAndQuery);
  }

  private static String farFutureCursor() {
    String plain = "+99999-01-01T00:00Z|" + UUID.randomUUID();
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  // --- how it is made malformed ---

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Text no parameter or field accepts: with a control character, or far too long. */
  static Arbitrary<String> refusedText() {
    return refusedText('\u0000');
  }

  /**
   * The same for a path: without NUL, which Payara's HTTP layer refuses in a path before the
   * application sees it (see {@link #whatTheHttpLayerRefusesIsStillA4xx}).
   */
  static Arbitrary<String> refusedPathText() {
    return refusedText('\u0001');
  }

  private static Arbitrary<String> refusedText(char lowest) {
    Arbitrary<Character> control =
        Arbitraries.oneOf(
            Arbitraries.chars().range(lowest, '\u0008'),
            Arbitraries.chars().range('\u000e', '\u001f'),
            Arbitraries.of('\u007f', '\u0085', '\u000b', '\u000c'));
    Arbitrary<String> words = Arbitraries.strings().alpha().numeric().ofMaxLength(12);
    return Arbitraries.oneOf(
        Combinators.combine(words, control, words).as((a, c, b) -> a + c + b),
        Arbitraries.strings().alpha().ofMinLength(1100).ofMaxLength(3000));
  }

  /** An id that is not one, or one of nothing. */
  static Arbitrary<String> badId() {
    // (No dot segments: the server resolves "/projects/.." to another address, not a bad id.)
    return Arbitraries.oneOf(
        refusedPathText(),
        Arbitraries.of("not-an-id", "1-1-1-1-1", "' OR '1'='1", "%", "-1", "0", "null"),
        Arbitraries.create(() -> UUID.randomUUID().toString()));
  }

  static Arbitrary<String> badQueryValue() {
    return Arbitraries.oneOf(
        refusedText(),
        Arbitraries.of(
            "abc",
            "512.5",
            "-1",
            "0",
            "99999999999999999999",
            "1e400",
            "true",
            "[]",
            "{}",
            "+99999-01-01",
            "unknown"),
        Arbitraries.just(farFutureCursor()),
        Arbitraries.strings().ofMaxLength(40));
  }

  static Arbitrary<Malformed> malformed(Route route) {
    List<Arbitrary<String>> pathValues =
        route.pathParameters().stream().map(name -> badId()).toList();
    Arbitrary<List<String>> path =
        pathValues.isEmpty()
            ? Arbitraries.just(List.of())
            : Combinators.combine(pathValues).as(List::copyOf);
    List<Arbitrary<String>> queryValues =
        route.queryParameters().stream()
            .map(name -> badQueryValue().map(value -> name + "=" + encode(value)))
            .toList();
    Arbitrary<List<String>> query =
        queryValues.isEmpty()
            ? Arbitraries.just(List.of())
            : Combinators.combine(queryValues).as(List::copyOf);
    // One parameter every route refuses, unless the body is what is malformed.
    Arbitrary<String> refusedParameter =
        Combinators.combine(Arbitraries.of("q", "x", "limit", "cursor", "status"), refusedText())
            .as((name, value) -> name + "=" + encode(value));
    Arbitrary<Body> body = body(route);
    return Combinators.combine(path, query, refusedParameter, body)
        .as(
            (ids, parameters, refused, sent) -> {
              String filled = route.path();
              for (int i = 0; i < ids.size(); i++) {
                filled =
                    filled.replace("{" + route.pathParameters().get(i) + "}", encode(ids.get(i)));
              }
              List<String> all = new ArrayList<>(parameters);
              if (sent == null || !sent.refused()) {
                all.add(refused);
              }
              return new Malformed(
                  route,
                  filled,
                  String.join("&", all),
                  sent == null ? null : sent.contentType(),
                  sent == null ? null : sent.content(),
                  sent != null && sent.chunked());
            });
  }

  /** A body to send; {@code refused}: the body alone must be refused. */
  record Body(String contentType, byte[] content, boolean chunked, boolean refused) {
    static Body json(String text, boolean refused) {
      return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), false, refused);
    }
  }

  static Arbitrary<Body> body(Route route) {
    if (route.method().equals("GET") || route.method().equals("DELETE")) {
      return Arbitraries.just(null);
    }
    if (route.body() != null && route.consumesJson()) {
      return Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(6, wrongField(route.body()).map(text -> Body.json(text, true))),
          net.jqwik.api.Tuple.of(
              2,
              Arbitraries.of(
                      "",
                      "{",
                      "{\"a\":}",
                      "nonsense",
                      "{} {}",
                      "[]",
                      "\"text\"",
                      "1",
                      "null",
                      "[".repeat(50_000),
                      "{\"a\":".repeat(5_000))
                  .map(text -> Body.json(text, true))),
          net.jqwik.api.Tuple.of(
              1,
              Arbitraries.just(
                  new Body(
                      "application/x-www-form-urlencoded",
                      "a=b".getBytes(StandardCharsets.UTF_8),
                      false,
                      true))),
          net.jqwik.api.Tuple.of(
              1,
              Arbitraries.of(true, false)
                  .map(
                      chunked ->
                          new Body(
                              "application/json",
                              ("{\"x\":\"" + "a".repeat(1_100_000) + "\"}")
                                  .getBytes(StandardCharsets.UTF_8),
                              chunked,
                              true))));
    }
    if (route.consumesOnly("application/x-www-form-urlencoded")) {
      List<String> fields = route.formParameters();
      return Combinators.combine(Arbitraries.of(fields), refusedText())
          .as(
              (field, value) ->
                  new Body(
                      "application/x-www-form-urlencoded",
                      (field + "=" + encode(value)).getBytes(StandardCharsets.UTF_8),
                      false,
                      true));
    }
    if (route.consumesOnly("multipart/form-data")) {
      // JSON where a form is expected; the parameters carry what is refused.
      return Arbitraries.just(Body.json("{}", true));
    }
    return Arbitraries.just(null);
  }

  /** A JSON object of the body's type with one field of the wrong JSON type or holding NUL. */
  static Arbitrary<String> wrongField(Type type) {
    Class<?> raw =
        type instanceof ParameterizedType generic
            ? (Class<?>) generic.getRawType()
            : (Class<?>) type;
    if (!raw.isRecord() || raw.getRecordComponents().length == 0) {
      return Arbitraries.of("[]", "\"x\"");
    }
    return Arbitraries.of(raw.getRecordComponents())
        .flatMap(
            component ->
                wrongValue(component).map(value -> "{\"" + name(component) + "\":" + value + "}"));
  }

  private static String name(RecordComponent component) {
    jakarta.json.bind.annotation.JsonbProperty renamed =
        component.getAnnotation(jakarta.json.bind.annotation.JsonbProperty.class);
    return renamed == null ? component.getName() : renamed.value();
  }

  private static Arbitrary<String> wrongValue(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == String.class || type.isEnum()) {
      return Arbitraries.oneOf(
          Arbitraries.integers().map(String::valueOf),
          Arbitraries.of("true", "false", "[\"x\"]", "{}", "1.5"),
          refusedText().filter(t -> t.length() < 1000).map(JsonDocuments::toJson));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return Arbitraries.of(
          "\"512\"", "512.5", "1e400", "true", "99999999999999999999", "[1]", "0.1");
    }
    if (type == Boolean.class || type == boolean.class) {
      return Arbitraries.of("\"true\"", "1", "0", "\"yes\"", "[]");
    }
    if (type == UUID.class) {
      return Arbitraries.of("12345", "\"not-an-id\"", "\"1-1-1-1-1\"", "true", "{}");
    }
    if (type == OffsetDateTime.class) {
      return Arbitraries.of(
          "\"+99999-01-01T00:00:00Z\"", "12", "\"yesterday\"", "\"2025-13-01T00:00:00Z\"");
    }
    if (Collection.class.isAssignableFrom(type)) {
      return Arbitraries.of("\"x\"", "{}", "[1.5]", "[\"a\\u0000\"]", "[true]");
    }
    if (type.isRecord()) {
      return Arbitraries.of("[]", "\"x\"", "1");
    }
    return Arbitraries.of("\"x\"", "true");
  }
}

package com.lumiku.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes checked offline: every object of the Kustomize base against the Kubernetes
 * API's schema (the official Java client's models, generated from that OpenAPI document, refuse
 * unknown and missing required fields and mistyped values), then against what the application needs
 * from its orchestrator: the three health probes, one XA name and transaction log per pod, a stop
 * grace that covers the application's own, a disruption budget, selectors that select.
 */
class KubernetesManifestsTest {

  private static final String BASE = "deploy/kubernetes/";

  /** The API kinds the base uses, with the model that knows each one's schema. */
  private static final Map<String, Class<?>> MODELS =
      Map.of(
          "apps/v1 StatefulSet", V1StatefulSet.class,
          "v1 Service", V1Service.class,
          "v1 ConfigMap", V1ConfigMap.class,
          "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget.class);

  /** The Secret the runbook tells operators to create, and the keys it must hold. */
  private static final String SECRET = "lumiku-secrets";

  @Test
  void everyObjectOfTheBaseFollowsTheKubernetesSchema() throws IOException {
    List<JsonObject> objects = objects();
    assertThat(objects).hasSizeGreaterThanOrEqualTo(8);
    for (JsonObject object : objects) {
      validate(object);
    }
  }

  /** The schema check itself refuses a mistake, so the test above can fail. */
  @Test
  void theSchemaCheckRefusesAMisspelledField() {
    JsonObject statefulSet = object("StatefulSet", "lumiku").deepCopy();
    statefulSet
        .getAsJsonObject("spec")
        .add("replica", statefulSet.getAsJsonObject("spec").get("replicas"));
    assertThatThrownBy(() -> validate(statefulSet)).hasMessageContaining("replica");
  }

  @Test
  void theApplicationHasTheThreeHealthProbes() {
    V1Container app = applicationContainer();
    assertThat(path(app.getStartupProbe())).isEqualTo("/health/started");
    assertThat(path(app.getLivenessProbe())).isEqualTo("/health/live");
    assertThat(path(app.getReadinessProbe())).isEqualTo("/health/ready");
    assertThat(
            app.getStartupProbe().getFailureThreshold() * app.getStartupProbe().getPeriodSeconds())
        .as("seconds a first start (schema migration) may take")
        .isGreaterThanOrEqualTo(120);
  }

  @Test
  void eachPodKeepsItsOwnServerNameAndTransactionLog() {
    V1StatefulSet app = statefulSet("lumiku");
    V1EnvVar name = env(applicationContainer(), "LUMIKU_TX_SERVER_NAME");
    assertThat(name.getValueFrom().getFieldRef().getFieldPath())
        .as("the XA server name is the pod's stable name")
        .isEqualTo("metadata.name");

    String dataDir = configValue("LUMIKU_DATA_DIR");
    Path txLog = Path.of(dataDir, "payara", "txlog");
    V1VolumeMount mount =
        applicationContainer().getVolumeMounts().stream()
            .filter(m -> txLog.startsWith(Path.of(m.getMountPath())))
            .max(Comparator.comparingInt(m -> Path.of(m.getMountPath()).getNameCount()))
            .orElseThrow(() -> new AssertionError("no volume holds the transaction log"));
    assertThat(app.getSpec().getVolumeClaimTemplates())
        .as("the transaction log is on the pod's own claim")
        .anyMatch(claim -> claim.getMetadata().getName().equals(mount.getName()));
    assertThat(app.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
        .as("a scaled-down pod's log may still hold branches to recover")
        .isEqualTo("Retain");
  }

  @Test
  void aStoppingPodGetsThePauseAndTheApplicationsWholeStopGrace() {
    V1PodSpec pod = statefulSet("lumiku").getSpec().getTemplate().getSpec();
    List<String> preStop =
        applicationContainer().getLifecycle().getPreStop().getExec().getCommand();
    assertThat(preStop).hasSize(2).startsWith("sleep");
    Duration pause = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
    Duration grace = Duration.parse(ContainerFilesTest.defaultSetting("lumiku.stop.grace"));
    assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
        .as("terminationGracePeriodSeconds")
        .isGreaterThan(pause.plus(grace));
  }

  @Test
  void theBudgetAndTheServicesSelectTheApplicationsPods() {
    Map<String, String> labels =
        statefulSet("lumiku").getSpec().getTemplate().getMetadata().getLabels();
    V1PodDisruptionBudget budget =
        as(object("PodDisruptionBudget", "lumiku"), V1PodDisruptionBudget.class);
    assertThat(labels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
    assertThat(budget.getSpec().getMaxUnavailable().getIntValue()).isEqualTo(1);
    assertThat(statefulSet("lumiku").getSpec().getReplicas()).isGreaterThan(1);

    for (JsonObject object : objects()) {
      if (kind(object).equals("v1 Service")) {
        V1Service service = as(object, V1Service.class);
        Map<String, String> selector = service.getSpec().getSelector();
        boolean selectsAStatefulSet =
            objects().stream()
                .filter(o -> kind(o).equals("apps/v1 StatefulSet"))
                .map(
                    o ->
                        as(o, V1StatefulSet.class)
                            .getSpec()
                            .getTemplate()
                            .getMetadata()
                            .getLabels())
                .anyMatch(podLabels -> podLabels.entrySet().containsAll(selector.entrySet()));
        assertThat(selectsAStatefulSet).as("Service " + service.getMetadata().getName()).isTrue();
      }
    }
    String governing = statefulSet("lumiku").getSpec().getServiceName();
    assertThat(as(object("Service", governing), V1Service.class).getSpec().getClusterIP())
        .as("the StatefulSet's governing Service is headless")
        .isEqualTo("None");
  }

  @Test
  void passwordsAndKeysComeFromTheOneSecret() {
    for (JsonObject object : objects()) {
      if (!kind(object).equals("apps/v1 StatefulSet")) {
        continue;
      }
      V1PodSpec pod = as(object, V1StatefulSet.class).getSpec().getTemplate().getSpec();
      for (V1Container container : pod.getContainers()) {
        for (V1EnvVar variable :
            Objects.requireNonNullElse(container.getEnv(), List.<V1EnvVar>of())) {
          if (variable.getName().matches(".*(PASSWORD|SECRET|ACCESS_KEY).*")) {
            assertThat(variable.getValue())
                .as(container.getName() + " " + variable.getName())
                .isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).isEqualTo(SECRET);
          }
        }
      }
      pod.getVolumes().stream()
          .filter(volume -> volume.getSecret() != null)
          .forEach(volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo(SECRET));
    }
    String runbook = ContainerFilesTest.read("docs/runbook.md");
    assertThat(runbook)
        .as("the runbook creates the Secret")
        .contains("kubectl create secret generic " + SECRET);
    for (String key : secretKeys()) {
      assertThat(runbook)
          .as("the runbook's Secret has the key " + key)
          .containsPattern("--from-(literal|file)=" + Pattern.quote(key) + "=");
    }
  }

  /** A misspelt variable would be ignored silently: each one must be one the project reads. */
  @Test
  void everyVariableSetForTheProjectsImagesIsOneTheyRead() {
    KnownSettings known = new KnownSettings();
    as(object("ConfigMap", "lumiku-config"), V1ConfigMap.class)
        .getData()
        .keySet()
        .forEach(name -> assertThat(known.isKnown(name)).as("ConfigMap " + name).isTrue());
    for (String statefulSet : List.of("lumiku", "broker")) {
      for (V1Container container :
          statefulSet(statefulSet).getSpec().getTemplate().getSpec().getContainers()) {
        container
            .getEnv()
            .forEach(
                variable ->
                    assertThat(known.isKnown(variable.getName()))
                        .as(container.getName() + " " + variable.getName())
                        .isTrue());
      }
    }
  }

  /** On a public address the application refuses the payment simulator: the base takes Duitku. */
  @Test
  void aPublicAddressTakesPaymentsThroughTheGatewayWithCredentialsFromTheSecret() {
    String publicUrl = configValue("LUMIKU_PAYMENTS_PUBLIC_URL");
    String host = java.net.URI.create(publicUrl).getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
      assertThat(configValue("LUMIKU_PAYMENTS_GATEWAY")).isEqualTo("duitku");
      for (String secret :
          List.of("LUMIKU_PAYMENTS_DUITKU_MERCHANT_CODE", "LUMIKU_PAYMENTS_DUITKU_API_KEY")) {
        assertThat(env(applicationContainer(), secret).getValueFrom().getSecretKeyRef().getName())
            .isEqualTo(SECRET);
      }
    }
  }

  @Test
  void eachReleaseHasItsOwnImageTag() {
    Map<String, Object> kustomization =
        new Yaml().load(ContainerFilesTest.read(BASE + "kustomization.yaml"));
    for (Object image : (List<?>) kustomization.get("images")) {
      assertThat(String.valueOf(((Map<?, ?>) image).get("newTag")))
          .as("a rollback goes back to a tag that names the old image")
          .isNotIn("latest", "null", "");
    }
  }

  /** Every key of the Secret the manifests read: secretKeyRefs and secret volumes' items. */
  private static Set<String> secretKeys() {
    Set<String> keys = new TreeSet<>();
    for (JsonObject object : objects()) {
      if (kind(object).equals("apps/v1 StatefulSet")) {
        V1PodSpec pod = as(object, V1StatefulSet.class).getSpec().getTemplate().getSpec();
        pod.getContainers()
            .forEach(
                c ->
                    Objects.requireNonNullElse(c.getEnv(), List.<V1EnvVar>of()).stream()
                        .filter(
                            v ->
                                v.getValueFrom() != null
                                    && v.getValueFrom().getSecretKeyRef() != null)
                        .forEach(v -> keys.add(v.getValueFrom().getSecretKeyRef().getKey())));
        Objects.requireNonNullElse(
                pod.getVolumes(), List.<io.kubernetes.client.openapi.models.V1Volume>of())
            .stream()
            .filter(v -> v.getSecret() != null)
            .forEach(v -> v.getSecret().getItems().forEach(item -> keys.add(item.getKey())));
      }
    }
    return keys;
  }

  @Test
  void theDatabaseAcceptsPreparedTransactions() {
    V1Container postgres =
        statefulSet("postgres").getSpec().getTemplate().getSpec().getContainers().get(0);
    Matcher prepared =
        Pattern.compile("max_prepared_transactions=(\\d+)")
            .matcher(String.join(" ", postgres.getArgs()));
    assertThat(prepared.find()).isTrue();
    assertThat(Integer.parseInt(prepared.group(1))).isPositive();
  }

  @Test
  void everyPodRunsAsAnUnprivilegedUser() {
    for (JsonObject object : objects()) {
      if (kind(object).equals("apps/v1 StatefulSet")) {
        V1PodSpec pod = as(object, V1StatefulSet.class).getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        pod.getContainers()
            .forEach(
                c -> assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse());
      }
    }
  }

  // ---- reading the base ----

  /** Every object of the base, in the order of kustomization.yaml's resources. */
  static List<JsonObject> objects() {
    return PARSED.stream().map(JsonObject::deepCopy).toList();
  }

  /** The base read and parsed once for all the tests (which ask for it in loops). */
  private static final List<JsonObject> PARSED = parseObjects();

  private static List<JsonObject> parseObjects() {
    Map<String, Object> kustomization =
        new Yaml().load(ContainerFilesTest.read(BASE + "kustomization.yaml"));
    List<JsonObject> objects = new ArrayList<>();
    for (Object resource : (List<?>) kustomization.get("resources")) {
      for (Object document : new Yaml().loadAll(ContainerFilesTest.read(BASE + resource))) {
        if (document != null) {
          objects.add(
              JsonParser.parseString(new JSON().getGson().toJson(document)).getAsJsonObject());
        }
      }
    }
    return objects;
  }

  private static String kind(JsonObject object) {
    return object.get("apiVersion").getAsString() + " " + object.get("kind").getAsString();
  }

  private static void validate(JsonObject object) throws IOException {
    Class<?> model = MODELS.get(kind(object));
    assertThat(model).as("a known kind: " + kind(object)).isNotNull();
    try {
      model.getMethod("validateJsonElement", JsonElement.class).invoke(null, object);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new AssertionError(
          kind(object) + " " + name(object) + ": " + cause.getMessage(), cause);
    }
    // And read as the API server would: types such as quantities and int-or-strings parse.
    assertThat(as(object, model)).isNotNull();
  }

  private static String name(JsonObject object) {
    return object.getAsJsonObject("metadata").get("name").getAsString();
  }

  private static JsonObject object(String kind, String name) {
    return objects().stream()
        .filter(o -> o.get("kind").getAsString().equals(kind) && name(o).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static <T> T as(JsonObject object, Class<T> model) {
    return new JSON().getGson().fromJson(object, model);
  }

  private static V1StatefulSet statefulSet(String name) {
    return as(object("StatefulSet", name), V1StatefulSet.class);
  }

  private static V1Container applicationContainer() {
    return statefulSet("lumiku").getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> c.getName().equals("lumiku"))
        .findFirst()
        .orElseThrow();
  }

  private static V1EnvVar env(V1Container container, String name) {
    return container.getEnv().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
  }

  /** A setting from the ConfigMap, else the application image's ENV. */
  private static String configValue(String name) {
    V1ConfigMap config = as(object("ConfigMap", "lumiku-config"), V1ConfigMap.class);
    if (config.getData().containsKey(name)) {
      return config.getData().get(name);
    }
    for (ContainerFilesTest.Instruction instruction :
        ContainerFilesTest.dockerfile().stages().get("app")) {
      Matcher env =
          Pattern.compile("(?:^|\\s)" + name + "=(\\S+)").matcher(instruction.arguments());
      if (instruction.keyword().equals("ENV") && env.find()) {
        return env.group(1);
      }
    }
    throw new AssertionError(name + " is neither in the ConfigMap nor in the image");
  }

  private static String path(V1Probe probe) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPort().getStrValue()).isEqualTo("http");
    return probe.getHttpGet().getPath();
  }
}

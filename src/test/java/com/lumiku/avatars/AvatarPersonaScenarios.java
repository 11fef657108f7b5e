package com.lumiku.avatars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.lumiku.avatars.control.AvatarCreator;
import com.lumiku.testing.Api;
import com.lumiku.testing.LedgerInvariants;
import com.lumiku.testing.Scenarios;
import com.lumiku.testing.TestBroker;
import com.lumiku.testing.TestDatabase;
import com.lumiku.testing.TestDatabase.LedgerRow;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Avatar Creator's personas and presets over HTTP: avatars ordered from attributes alone or from a
 * preset with overrides, drawn, stored with the model prompt built from them; a preset order counts
 * exactly one use, with the charge (a retry or a refused order counts none); bad attributes are
 * refused before anything is charged; the starter catalogue shipped by V12; and operators keeping
 * presets and persona examples, which nobody else may.
 */
public interface AvatarPersonaScenarios extends Scenarios {

  String APP = "/api/apps/avatar-creator";
  String ADMIN = "/api/admin/avatar-creator";

  @Test
  default void aPresetOrderCountsOneUseAndStoresTheBuiltPrompt() throws IOException {
    String category = uniqueCategory();
    UUID presetId = createPreset(category, true);
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    String key = UUID.randomUUID().toString();
    Map<String, Object> order =
        Map.of(
            "presetId",
            presetId.toString(),
            "attributes",
            Map.of("hairColor", "copper red", "hairStyle", ""),
            "persona",
            Map.of("age", 44));

    Response accepted = orderWithKey(member, projectId, key, order);
    accepted.then().statusCode(202).body("creditUsed", equalTo(10));
    Response replayed = orderWithKey(member, projectId, key, order);
    replayed.then().statusCode(202).header("Idempotent-Replayed", "true");
    assertThat(usageCount(presetId)).as("one accepted order, one use").isEqualTo(1);

    Api.Member broke = api().register();
    api().grant(broke, -100);
    UUID brokeProject = api().createProject(broke);
    generate(broke, brokeProject, Map.of("presetId", presetId.toString()))
        .then()
        .statusCode(402)
        .contentType("application/problem+json");
    assertThat(usageCount(presetId)).as("a refused order counts nothing").isEqualTo(1);

    UUID generationId = UUID.fromString(accepted.path("generation.id"));
    JsonPath done = api().awaitTerminal(member, generationId, Duration.ofSeconds(60));
    assertThat(done.getString("status")).isEqualTo("completed");
    JsonPath avatar = onlyAvatar(member, projectId);
    assertThat(avatar.getString("name")).as("the persona's name").isEqualTo("Ayu Lestari");
    assertThat(avatar.getString("sourceType")).isEqualTo("preset");
    assertThat(avatar.getString("presetId")).isEqualTo(presetId.toString());
    assertThat(avatar.getInt("persona.age")).isEqualTo(44);
    assertThat(avatar.getList("persona.personalityTraits")).containsExactly("serene", "kind");
    assertThat(avatar.getString("attributes.gender")).isEqualTo("female");
    assertThat(avatar.getString("attributes.hairColor")).isEqualTo("copper red");
    assertThat(avatar.getString("attributes.hairStyle")).as("blank: removed").isNull();
    assertThat(avatar.getString("prompt"))
        .startsWith("Casual portrait of Ayu Lestari, a 44-year-old Balinese woman")
        .contains("copper red hair")
        .contains("sunrise beach")
        .doesNotContain("ponytail");
    assertThat(
            TestDatabase.count(
                "SELECT count(*) FROM avatars WHERE generation_id = ? AND prompt LIKE 'Casual"
                    + " portrait of Ayu Lestari%' AND source_type = 'preset' AND hair_color ="
                    + " 'copper red'",
                generationId))
        .isEqualTo(1);

    JsonPath preset = read(member, APP + "/presets/" + presetId);
    assertThat(preset.getLong("usageCount")).isEqualTo(1);
    assertThat(preset.getBoolean("public")).isTrue();
    BufferedImage preview = picture(preset.getString("previewUrl"));
    assertThat(preview.getWidth()).isEqualTo(512);

    assertThat(TestDatabase.balance(member.id())).isEqualTo(90);
    LedgerInvariants.assertBalanceIsLedger(member.id());
    LedgerInvariants.assertBalanceIsLedger(broke.id());

    api().as(api().admin()).delete(ADMIN + "/presets/" + presetId).then().statusCode(204);
    JsonPath kept = onlyAvatar(member, projectId);
    assertThat(kept.getString("presetId")).as("the preset is gone").isNull();
    assertThat(kept.getString("sourceType")).isEqualTo("preset");
    assertThat(kept.getString("prompt")).isEqualTo(avatar.getString("prompt"));
  }

  @Test
  default void anOrderOfAttributesAloneIsDrawnAsGenerated() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    Response accepted =
        generate(
            member,
            projectId,
            Map.of(
                "persona",
                Map.of("name", "Raka", "personalityTraits", List.of("driven", "curious")),
                "attributes",
                Map.of(
                    "gender", "male",
                    "ageRange", "young_adult",
                    "bodyType", "athletic",
                    "skinTone", "tan",
                    "style", "PROFESSIONAL")));
    accepted.then().statusCode(202);
    UUID generationId = UUID.fromString(accepted.path("generation.id"));
    assertThat(
            api().awaitTerminal(member, generationId, Duration.ofSeconds(60)).getString("status"))
        .isEqualTo("completed");

    JsonPath avatar = onlyAvatar(member, projectId);
    assertThat(avatar.getString("name")).isEqualTo("Raka");
    assertThat(avatar.getString("sourceType")).isEqualTo("generated");
    assertThat(avatar.getString("presetId")).isNull();
    assertThat(avatar.getString("attributes.style")).isEqualTo("professional");
    assertThat(avatar.getString("attributes.ageRange")).isEqualTo("young_adult");
    assertThat(avatar.getString("prompt"))
        .isEqualTo(
            "Professional headshot of Raka, a young adult man, athletic build, tan skin tone,"
                + " driven, curious expression, studio lighting, neutral backdrop");
  }

  @Test
  default void badAttributesAreRefusedAndNothingIsCharged() {
    Api.Member member = api().register();
    UUID projectId = api().createProject(member);
    long queuedBefore = TestBroker.messagesAdded(AvatarCreator.QUEUE);

    generate(
            member,
            projectId,
            Map.of(
                "prompt",
                "a sailor",
                "name",
                "Sailor",
                "persona",
                Map.of("age", 12, "personalityTraits", List.of("")),
                "attributes",
                Map.of("gender", "robot", "style", "noir", "hairColor", "x".repeat(41))))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.field",
            hasItems(
                "attributes.gender",
                "attributes.hairColor",
                "attributes.style",
                "persona.age",
                "persona.personalityTraits"))
        .body(
            "errors.find { it.field == 'attributes.gender' }.message",
            equalTo("attributes.gender must be one of female, male, non_binary."));
    generate(member, projectId, Map.of("persona", Map.of("name", "Just a name")))
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("prompt"));
    generate(member, projectId, Map.of("presetId", UUID.randomUUID().toString()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("presetId"));
    generate(member, projectId, Map.of("prompt", "x".repeat(1001), "name", "Long"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("prompt"));
    generate(member, projectId, Map.of("attributes", Map.of("gender", 7), "name", "Typed"))
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String privateCategory = uniqueCategory();
    UUID privatePreset = createPreset(privateCategory, false);
    generate(member, projectId, Map.of("presetId", privatePreset.toString()))
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("presetId"));

    assertThat(TestDatabase.balance(member.id())).isEqualTo(100);
    assertThat(TestDatabase.ledger(member.id()))
        .extracting(LedgerRow::type)
        .containsExactly("grant");
    assertThat(TestDatabase.generations(member.id())).isEmpty();
    assertThat(TestBroker.messagesAdded(AvatarCreator.QUEUE)).isEqualTo(queuedBefore);
    assertThat(usageCount(privatePreset)).isZero();
    api().as(api().admin()).delete(ADMIN + "/presets/" + privatePreset).then().statusCode(204);
  }

  @Test
  default void theStarterCatalogueHasPresetsAndPersonaExamples() throws IOException {
    Api.Member member = api().register();
    JsonPath presets = read(member, APP + "/presets");
    List<String> categories = presets.getList("category");
    assertThat(categories).hasSizeGreaterThanOrEqualTo(20);
    assertThat(categories.stream().distinct().count()).isGreaterThanOrEqualTo(5);
    assertThat(presets.getList("public", Boolean.class)).containsOnly(true);
    assertThat(presets.getList("modelPrompt", String.class)).allMatch(p -> p.length() <= 1000);

    JsonPath fantasy = read(member, APP + "/presets?category=fantasy");
    assertThat(fantasy.getList("category")).isNotEmpty().containsOnly("fantasy");
    assertThat(fantasy.getString("find { it.name == 'Elven Ranger' }.attributes.style"))
        .isEqualTo("fantasy");
    assertThat(read(member, APP + "/presets?category=no-such-thing").getList("id")).isEmpty();
    api().as(member).get(APP + "/presets?category=Not A Slug").then().statusCode(400);
    api().as(member).get(APP + "/presets/" + UUID.randomUUID()).then().statusCode(404);
    api().anonymous().get(APP + "/presets").then().statusCode(401);

    String url = fantasy.getString("[0].previewUrl");
    Response first = api().anonymous().accept("image/png").get(url);
    first.then().statusCode(200).contentType("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(first.asByteArray())).getHeight())
        .isEqualTo(512);
    api()
        .anonymous()
        .accept("image/png")
        .header("If-None-Match", first.header("ETag"))
        .get(url)
        .then()
        .statusCode(304);
    assertThat(picture(fantasy.getString("[1].previewUrl")))
        .as("another preset, another picture")
        .isNotNull();

    JsonPath examples = read(member, APP + "/persona-examples");
    List<Map<String, Object>> all = examples.getList("");
    assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    assertThat(all)
        .isSortedAccordingTo(
            Comparator.comparing((Map<String, Object> e) -> (String) e.get("category"))
                .thenComparing(e -> (Integer) e.get("displayOrder")));
    assertThat(examples.getString("find { it.name == 'The Startup Founder' }.persona.name"))
        .isEqualTo("Dimas Saputra");
    assertThat(
            examples.getString(
                "find { it.name == 'The Startup Founder' }.suggestedAttributes.style"))
        .isEqualTo("professional");
    assertThat(read(member, APP + "/persona-examples?category=business").getList("category"))
        .isNotEmpty()
        .containsOnly("business");
  }

  @Test
  default void operatorsCreateChangeAndDeletePresetsAndPersonaExamples() {
    Api.Member admin = api().admin();
    Api.Member member = api().register();
    String category = uniqueCategory();

    Response created =
        api()
            .as(admin)
            .body(
                Map.of(
                    "name",
                    "Night Market Cook",
                    "category",
                    category,
                    "prompt",
                    "steam, lanterns, night market stall",
                    "attributes",
                    Map.of("style", "realistic", "gender", "female"),
                    "public",
                    false))
            .post(ADMIN + "/presets");
    created.then().statusCode(201).body("public", equalTo(false)).body("usageCount", equalTo(0));
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith(ADMIN + "/presets/" + id);
    assertThat(read(member, APP + "/presets?category=" + category).getList("id")).isEmpty();
    api().as(member).get(APP + "/presets/" + id).then().statusCode(404);
    assertThat(read(admin, APP + "/presets?category=" + category).getList("id"))
        .containsExactly(id);
    assertThat(read(admin, ADMIN + "/presets").getList("id")).contains(id);

    api()
        .as(admin)
        .body(Map.of("public", true, "attributes", Map.of("gender", "", "hairColor", "black")))
        .patch(ADMIN + "/presets/" + id)
        .then()
        .statusCode(200)
        .body("public", equalTo(true))
        .body("name", equalTo("Night Market Cook"))
        .body("attributes.gender", nullValue())
        .body("attributes.hairColor", equalTo("black"))
        .body(
            "modelPrompt",
            equalTo(
                "Photorealistic portrait of a person, black hair, steam, lanterns, night market stall,"
                    + " natural light, sharp focus"));
    assertThat(read(member, APP + "/presets?category=" + category).getList("id"))
        .containsExactly(id);
    api()
        .as(admin)
        .body(Map.of("attributes", Map.of("bodyType", "tall"), "name", ""))
        .patch(ADMIN + "/presets/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("attributes.bodyType", "name"));
    api()
        .as(admin)
        .body(Map.of("name", "Nothing", "category", category))
        .post(ADMIN + "/presets")
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("prompt"));
    api().as(admin).delete(ADMIN + "/presets/" + id).then().statusCode(204);
    api().as(admin).get(ADMIN + "/presets/" + id).then().statusCode(404);
    api().as(admin).delete(ADMIN + "/presets/" + id).then().statusCode(404);
    api()
        .as(admin)
        .body(Map.of("name", "X"))
        .patch(ADMIN + "/presets/" + UUID.randomUUID())
        .then()
        .statusCode(404);

    Response example =
        api()
            .as(admin)
            .body(
                Map.of(
                    "category",
                    category,
                    "name",
                    "The Night Cook",
                    "persona",
                    Map.of("name", "Wayan", "age", 52, "background", "Cooks till 3 am."),
                    "suggestedAttributes",
                    Map.of("style", "casual")))
            .post(ADMIN + "/persona-examples");
    example.then().statusCode(201).body("displayOrder", equalTo(1));
    String exampleId = example.path("id");
    api()
        .as(admin)
        .body(Map.of("category", category, "name", "The Second"))
        .post(ADMIN + "/persona-examples")
        .then()
        .statusCode(201)
        .body("displayOrder", equalTo(2));
    assertThat(read(member, APP + "/persona-examples?category=" + category).getList("name"))
        .containsExactly("The Night Cook", "The Second");
    api()
        .as(admin)
        .body(Map.of("displayOrder", 5, "persona", Map.of("age", 53)))
        .patch(ADMIN + "/persona-examples/" + exampleId)
        .then()
        .statusCode(200)
        .body("persona.age", equalTo(53))
        .body("persona.name", equalTo("Wayan"))
        .body("displayOrder", equalTo(5));
    api()
        .as(admin)
        .body(Map.of("persona", Map.of("age", 200)))
        .patch(ADMIN + "/persona-examples/" + exampleId)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("persona.age"));
    for (Map<String, Object> each :
        read(admin, ADMIN + "/persona-examples").<Map<String, Object>>getList("")) {
      if (category.equals(each.get("category"))) {
        api()
            .as(admin)
            .delete(ADMIN + "/persona-examples/" + each.get("id"))
            .then()
            .statusCode(204);
      }
    }
    api().as(member).get(APP + "/persona-examples/" + exampleId).then().statusCode(404);
    assertThat(read(member, APP + "/persona-examples?category=" + category).getList("id"))
        .isEmpty();
  }

  @Test
  default void onlyOperatorsKeepTheCatalogue() {
    Api.Member user = api().register();
    UUID some = UUID.randomUUID();
    Map<String, Object> body = Map.of("name", "X", "category", "x", "prompt", "x");
    List<Response> answers =
        List.of(
            api().as(user).get(ADMIN + "/presets"),
            api().as(user).get(ADMIN + "/presets/" + some),
            api().as(user).body(body).post(ADMIN + "/presets"),
            api().as(user).body(body).patch(ADMIN + "/presets/" + some),
            api().as(user).delete(ADMIN + "/presets/" + some),
            api().as(user).get(ADMIN + "/persona-examples"),
            api().as(user).get(ADMIN + "/persona-examples/" + some),
            api().as(user).body(body).post(ADMIN + "/persona-examples"),
            api().as(user).body(body).patch(ADMIN + "/persona-examples/" + some),
            api().as(user).delete(ADMIN + "/persona-examples/" + some));
    for (Response answer : answers) {
      answer.then().statusCode(403).contentType("application/problem+json");
    }
    api().anonymous().get(ADMIN + "/presets").then().statusCode(401);
    api().anonymous().body(body).post(ADMIN + "/presets").then().statusCode(401);
    assertThat(TestDatabase.count("SELECT count(*) FROM avatar_presets WHERE name = 'X'")).isZero();
  }

  /** A preset of the tests' own (its use is counted from zero), in {@code category}. */
  private UUID createPreset(String category, boolean isPublic) {
    Map<String, Object> preset = new HashMap<>();
    preset.put("name", "Sunrise Yoga " + category);
    preset.put("category", category);
    preset.put("description", "A serene teacher at dawn.");
    preset.put("prompt", "sunrise beach");
    preset.put(
        "persona",
        Map.of(
            "name",
            "Ayu Lestari",
            "age",
            30,
            "personalityTraits",
            List.of("serene", "kind"),
            "background",
            "Teaches sunrise classes."));
    preset.put(
        "attributes",
        Map.of(
            "gender", "female",
            "ethnicity", "Balinese",
            "hairStyle", "long ponytail",
            "hairColor", "black",
            "style", "casual"));
    preset.put("public", isPublic);
    return UUID.fromString(
        api()
            .as(api().admin())
            .body(preset)
            .post(ADMIN + "/presets")
            .then()
            .statusCode(201)
            .extract()
            .path("id"));
  }

  private Response generate(Api.Member member, UUID projectId, Map<String, Object> order) {
    return api().as(member).body(order).post(APP + "/projects/" + projectId + "/avatars/generate");
  }

  private Response orderWithKey(
      Api.Member member, UUID projectId, String key, Map<String, Object> order) {
    return api()
        .as(member)
        .header("Idempotency-Key", key)
        .body(order)
        .post(APP + "/projects/" + projectId + "/avatars/generate");
  }

  private JsonPath onlyAvatar(Api.Member member, UUID projectId) {
    JsonPath project = read(member, APP + "/projects/" + projectId);
    assertThat(project.getList("avatars")).hasSize(1);
    return project.setRootPath("avatars[0]");
  }

  private JsonPath read(Api.Member member, String path) {
    return api().as(member).get(path).then().statusCode(200).extract().jsonPath();
  }

  private BufferedImage picture(String url) throws IOException {
    byte[] png =
        api()
            .anonymous()
            .accept("image/png")
            .get(url)
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static long usageCount(UUID presetId) {
    return TestDatabase.count("SELECT usage_count FROM avatar_presets WHERE id = ?", presetId);
  }

  private static String uniqueCategory() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

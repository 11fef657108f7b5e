package com.lumiku.poses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lumiku.testing.Api;
import com.lumiku.testing.Scenarios;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Pose Generator's library as its users browse it: the starter categories and 80 poses shipped by
 * the migration, found by category (with its sub-categories), difficulty, gender, tag, words and
 * being featured, in keyset pages in three orders, and each pose's pictures drawn from its
 * keypoints.
 */
public interface PoseLibraryScenarios extends Scenarios {

  String LIBRARY = "/api/apps/pose-generator/library";

  @Test
  default void theStarterCategoriesComeAsATree() {
    JsonPath categories =
        api()
            .as(api().register())
            .get("/api/apps/pose-generator/categories")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(categories.getList("slug")).hasSizeGreaterThanOrEqualTo(8).contains("standing");
    assertThat(categories.getList("find { it.slug == 'yoga-fitness' }.children.slug"))
        .containsExactly("balance");
    assertThat(categories.getList("displayOrder", Integer.class)).isSorted();
    api().anonymous().get("/api/apps/pose-generator/categories").then().statusCode(401);
  }

  @Test
  default void pagesWalkTheWholeLibraryInEachOrderWithoutRepeats() {
    Api.Member member = api().register();
    for (String sort : List.of("popular", "rating", "newest")) {
      List<Map<String, Object>> all = api().everyItem(member, LIBRARY + "?limit=30&sort=" + sort);
      assertThat(all).as(sort).hasSize(80);
      assertThat(new HashSet<>(all.stream().map(p -> p.get("id")).toList())).hasSize(80);
      String key =
          switch (sort) {
            case "popular" -> "usageCount";
            case "rating" -> "ratingAvg";
            default -> "createdAt";
          };
      List<String> keys = all.stream().map(p -> String.valueOf(p.get(key))).toList();
      if (sort.equals("newest")) {
        assertThat(keys).isSortedAccordingTo(java.util.Comparator.reverseOrder());
      } else {
        assertThat(keys.stream().map(BigDecimal::new).toList())
            .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      }
    }
  }

  @Test
  default void filtersNarrowTheLibrary() {
    Api.Member member = api().register();
    JsonPath yoga = list(member, "category=yoga-fitness&limit=100");
    assertThat(yoga.getList("items.category.slug")).containsOnly("yoga-fitness", "balance");
    assertThat(yoga.getList("items")).hasSize(10);
    assertThat(list(member, "category=balance&limit=100").getList("items")).hasSize(4);
    assertThat(list(member, "difficulty=advanced&limit=100").getList("items.difficulty"))
        .isNotEmpty()
        .containsOnly("advanced");
    assertThat(list(member, "gender=female&limit=100").getList("items.genderSuitability"))
        .contains("any", "female")
        .doesNotContain("male");
    assertThat(list(member, "tag=yoga&limit=100").getList("items.tags.flatten()")).contains("yoga");
    assertThat(list(member, "q=warr&limit=100").getList("items.name"))
        .containsExactlyInAnyOrder("Warrior II", "Warrior III");
    assertThat(list(member, "featured=true&limit=100").getList("items.featured", Boolean.class))
        .isNotEmpty()
        .containsOnly(true);
    assertThat(list(member, "category=dance&difficulty=beginner&limit=100").getList("items.name"))
        .containsExactlyInAnyOrder("Disco point", "Jazz hands");
  }

  @Test
  default void badFiltersAreProblemsAndUnknownPosesAreNotFound() {
    Api.Member member = api().register();
    for (String query :
        List.of(
            "sort=cheapest",
            "difficulty=expert",
            "gender=robot",
            "featured=maybe",
            "category=nope",
            "limit=0",
            "cursor=garbage")) {
      api()
          .as(member)
          .get(LIBRARY + "?" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
    String popularCursor = list(member, "limit=1").getString("nextCursor");
    api().as(member).get(LIBRARY + "?sort=newest&cursor=" + popularCursor).then().statusCode(400);
    api()
        .as(member)
        .get(LIBRARY + "/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    api().as(member).get(LIBRARY + "/not-a-uuid").then().statusCode(404);
    api().anonymous().get(LIBRARY).then().statusCode(401);
  }

  @Test
  default void aPoseHasItsKeypointsAndPicturesDrawnFromThem() throws IOException {
    Api.Member member = api().register();
    JsonPath first = list(member, "q=tree&limit=1");
    String id = first.getString("items[0].id");
    JsonPath pose =
        api().as(member).get(LIBRARY + "/" + id).then().statusCode(200).extract().jsonPath();
    assertThat(pose.getString("name")).isEqualTo("Tree pose");
    assertThat(pose.getList("keypoints")).hasSize(18);
    assertThat(pose.getString("category.slug")).isEqualTo("balance");

    Set<String> pictures = new HashSet<>();
    for (String kind : List.of("skeletonUrl", "previewUrl", "referenceUrl")) {
      String url = pose.getString(kind);
      Response picture = api().anonymous().accept("image/png").get(url);
      picture.then().statusCode(200).contentType("image/png");
      byte[] png = picture.asByteArray();
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isEqualTo(512);
      assertThat(image.getHeight()).isEqualTo(512);
      pictures.add(java.util.Arrays.toString(png));
      api()
          .anonymous()
          .accept("image/png")
          .header("If-None-Match", picture.header("ETag"))
          .get(url)
          .then()
          .statusCode(304);
    }
    assertThat(pictures).hasSize(3);
    api()
        .anonymous()
        .accept("image/png")
        .get(LIBRARY + "/" + java.util.UUID.randomUUID() + "/skeleton.png")
        .then()
        .statusCode(404);
    api()
        .anonymous()
        .accept("image/png")
        .get(LIBRARY + "/" + id + "/other.png")
        .then()
        .statusCode(404);
    assertThat(pose.getString("skeletonUrl")).isEqualTo(LIBRARY + "/" + id + "/skeleton.png");
    api().as(member).get(LIBRARY + "?q=tree").then().body("items[0].keypoints", equalTo(null));
  }

  private JsonPath list(Api.Member member, String query) {
    return api().as(member).get(LIBRARY + "?" + query).then().statusCode(200).extract().jsonPath();
  }
}

package com.lumiku.poses.control;

import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.lumiku.platform.JsonDocuments;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a user may ask for: a named, described pose, perhaps in a category. */
class NewPoseRequestTest {

  @Test
  void aRequestIsReadFromJsonAndStripped() {
    UUID category = UUID.randomUUID();
    NewPoseRequest request =
        JsonDocuments.fromJson(
                "{\"name\":\"  Cartwheel \",\"description\":\"Mid-cartwheel,\\nhands down.\","
                    + "\"categoryId\":\""
                    + category
                    + "\"}",
                NewPoseRequest.class)
            .checked();
    assertThat(request.name()).isEqualTo("Cartwheel");
    assertThat(request.description()).isEqualTo("Mid-cartwheel,\nhands down.");
    assertThat(request.categoryId()).isEqualTo(category);
    assertThat(new NewPoseRequest("x", "y", null).checked().categoryId()).isNull();
  }

  @Test
  void nameAndDescriptionAreNeededWithinTheirLengths() {
    assertThat(refusedFields(() -> new NewPoseRequest(null, " ", null).checked()))
        .containsExactly("description", "name");
    assertThat(
            refusedFields(
                () -> new NewPoseRequest("n".repeat(101), "d".repeat(1001), null).checked()))
        .containsExactly("description", "name");
    assertThat(new NewPoseRequest("n".repeat(100), "d".repeat(1000), null).checked().name())
        .hasSize(100);
    assertThat(refusedFields(() -> new NewPoseRequest("two\nlines", "fine", null).checked()))
        .containsExactly("name");
  }
}

package com.lumiku.poses.control;

import static com.lumiku.platform.problem.FieldsAssert.refusedFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Categories as operators write them: the formats of V7's CHECKs, checked before the database. */
class CategoryEditTest {

  @Test
  void aNewCategoryNeedsASlugAndADisplayName() {
    CategoryEdit checked =
        new CategoryEdit(" stretching ", " Stretching ", " ", "leaf", "#2FB344", null, null, null)
            .checkedNew();
    assertThat(checked.slug()).isEqualTo("stretching");
    assertThat(checked.displayName()).isEqualTo("Stretching");
    assertThat(checked.description()).as("blank: none").isEmpty();
    assertThat(checked.color()).as("lower-cased, as the CHECK wants").isEqualTo("#2fb344");
    assertThat(
            refusedFields(
                () ->
                    new CategoryEdit(null, null, null, null, null, null, null, null).checkedNew()))
        .containsExactly("displayName", "slug");
  }

  @Test
  void slugsIconsAndColoursKeepTheirFormats() {
    for (String slug :
        new String[] {"Yoga", "two words", "-x", "x-", "a--b", "é", "a".repeat(61)}) {
      assertThat(refusedFields(() -> category(slug, null, null).checkedNew()))
          .as(slug)
          .containsExactly("slug");
    }
    for (String slug : new String[] {"yoga", "hip-hop", "a1-b2-c3", "a".repeat(60)}) {
      assertThat(category(slug, null, null).checkedNew().slug()).isEqualTo(slug);
    }
    assertThat(refusedFields(() -> category("ok", "Arrow Up", null).checkedNew()))
        .containsExactly("icon");
    for (String color : new String[] {"4f7cff", "#4f7cf", "#4f7cfff", "#4g7cff", "red"}) {
      assertThat(refusedFields(() -> category("ok", null, color).checkedNew()))
          .as(color)
          .containsExactly("color");
    }
  }

  @Test
  void changesLeaveAbsentFieldsAndRemoveBlankOnes() {
    CategoryEdit changes =
        new CategoryEdit(null, null, "", " ", "", UUID.randomUUID(), 4, true).checkedChanges();
    assertThat(changes.slug()).isNull();
    assertThat(changes.displayName()).isNull();
    assertThat(changes.description()).isEmpty();
    assertThat(changes.icon()).isEmpty();
    assertThat(changes.color()).isEmpty();
    assertThat(changes.displayOrder()).isEqualTo(4);
    assertThat(changes.retired()).isTrue();
    assertThat(
            refusedFields(
                () ->
                    new CategoryEdit(" ", " ", null, null, null, null, -1, null).checkedChanges()))
        .containsExactly("displayName", "displayOrder", "slug");
    assertThat(CategoryEdit.retiring(true).checkedChanges().retired()).isTrue();
  }

  private static CategoryEdit category(String slug, String icon, String color) {
    return new CategoryEdit(slug, "Name", null, icon, color, null, null, null);
  }
}

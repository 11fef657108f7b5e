package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The statements operators' edits run: only the columns given, values bound, removals as NULL. */
class NativeSqlTest {

  @Test
  void absentValuesAreLeftOutAndEmptyTextsWriteNull() {
    UUID id = UUID.randomUUID();
    NativeSql.Columns columns =
        new NativeSql.Columns()
            .put("id", id)
            .put("name", "Lotus")
            .put("description", "")
            .put("icon", null)
            .put("tags", new String[] {"yoga"}, "text[]");

    assertThat(columns.insertSql("pose_library"))
        .isEqualTo(
            "INSERT INTO pose_library (id, name, description, tags)"
                + " VALUES (?, ?, NULL, CAST(? AS text[]))");
    assertThat(columns.updateSql("pose_library", " AND is_public"))
        .isEqualTo(
            "UPDATE pose_library SET id = ?, name = ?, description = NULL,"
                + " tags = CAST(? AS text[]) WHERE id = ? AND is_public");
    assertThat(columns.values()).hasSize(3).startsWith(id, "Lotus");
    assertThat(columns.names()).containsExactly("id", "name", "description", "tags");
    assertThat(new NativeSql.Columns().put("x", null).isEmpty()).isTrue();
  }

  @Test
  void tagsBecomeAnArrayLiteral() {
    assertThat(LibraryEdits.arrayLiteral(List.of("yoga", "hip-hop"))).isEqualTo("{yoga,hip-hop}");
    assertThat(LibraryEdits.arrayLiteral(List.of())).isEqualTo("{}");
  }

  @Test
  void placeholdersAreNumberedInOrder() {
    assertThat(NativeSql.numbered("a = ? AND (b, c) < (?, ?)"))
        .isEqualTo("a = ?1 AND (b, c) < (?2, ?3)");
  }
}

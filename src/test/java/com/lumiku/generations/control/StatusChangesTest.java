package com.lumiku.generations.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.generations.entity.GenerationStatus;
import com.lumiku.generations.entity.JobTransition;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a transition becomes SQL: numbered placeholders, and the statuses it starts from. */
class StatusChangesTest {

  @Test
  void placeholdersAreNumberedAsTheStatementGrows() {
    UUID id = UUID.randomUUID();
    SqlStatement statement =
        new SqlStatement("UPDATE generation_jobs SET status = ?, ", "failed")
            .append("error_code = ?, error_detail = ?", "gave-up", null)
            .append(" WHERE id = ? AND ", id)
            .append(StatusSql.in(JobTransition.FAIL.from()));

    assertThat(statement.sql())
        .isEqualTo(
            "UPDATE generation_jobs SET status = ?1, error_code = ?2, error_detail = ?3"
                + " WHERE id = ?4 AND status IN ('pending', 'processing')");
    assertThat(statement.values()).containsExactly("failed", "gave-up", null, id);
  }

  @Test
  void placeholdersAndValuesMustAgree() {
    assertThatThrownBy(() -> new SqlStatement("a = ?, b = ?", "only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStatusesATransitionStartsFromAreLiteralsFromTheEnum() {
    assertThat(StatusSql.in(Set.of(GenerationStatus.PENDING))).isEqualTo("status IN ('pending')");
    assertThat(StatusSql.in("j.status", StatusSql.REFUNDABLE))
        .isEqualTo("j.status IN ('failed', 'canceled')");
    assertThat(StatusSql.in(Set.of(GenerationStatus.CANCELED, GenerationStatus.PENDING)))
        .as("always in the enum's order")
        .isEqualTo("status IN ('pending', 'canceled')");
  }
}

package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.UtcClock;
import com.lumiku.platform.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors of pose request listings: what clients get and may send back. */
class RequestCursorTest {

  @Test
  void aCursorComesBackAsItWasMadeForItsOrderOnly() {
    RequestCursor cursor =
        new RequestCursor(RequestSort.VOTES, 17, UtcClock.now(), UUID.randomUUID());
    assertThat(RequestCursor.decode(cursor.encode(), RequestSort.VOTES)).isEqualTo(cursor);
    assertThatThrownBy(() -> RequestCursor.decode(cursor.encode(), RequestSort.NEWEST))
        .isInstanceOf(ProblemException.class);
    assertThat(RequestCursor.decode("  ", RequestSort.VOTES)).isNull();
    assertThat(RequestCursor.decode(null, RequestSort.NEWEST)).isNull();
  }

  @Test
  void anythingElseIsABadRequest() {
    String position = cursorOf(RequestSort.VOTES, 3).encode().split("\\.", 3)[2];
    for (String bad :
        List.of(
            "x",
            "votes.3",
            "votes.-1." + position,
            "votes.many." + position,
            "votes.3.garbage",
            "cheapest.3." + position)) {
      assertThatThrownBy(() -> RequestCursor.decode(bad, RequestSort.VOTES))
          .as(bad)
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("cursor");
    }
  }

  @Test
  void eachOrderKeepsWhatComesAfterItsOwnKey() {
    RequestCursor votes = cursorOf(RequestSort.VOTES, 5);
    assertThat(RequestSort.VOTES.values(votes)).containsExactly(5L, votes.createdAt(), votes.id());
    assertThat(RequestSort.VOTES.after()).contains("(r.vote_count, r.created_at, r.id) <");
    RequestCursor newest = cursorOf(RequestSort.NEWEST, 5);
    assertThat(RequestSort.NEWEST.values(newest)).containsExactly(newest.createdAt(), newest.id());
    assertThat(RequestSort.parseOrDefault(null)).isEqualTo(RequestSort.VOTES);
    assertThat(RequestSort.parseOrDefault("Newest")).isEqualTo(RequestSort.NEWEST);
    assertThatThrownBy(() -> RequestSort.parseOrDefault("popular"))
        .isInstanceOf(ProblemException.class);
  }

  private static RequestCursor cursorOf(RequestSort sort, long votes) {
    return new RequestCursor(sort, votes, UtcClock.now(), UUID.randomUUID());
  }
}

package com.lumiku.poses.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lumiku.platform.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Library cursors, orders and search words: what clients may send and what becomes of it. */
class LibraryCursorTest {

  @Test
  void aCursorComesBackAsItWasMadeForItsOrderOnly() {
    LibraryCursor cursor = new LibraryCursor(LibrarySort.RATING, "4.25", UUID.randomUUID());
    assertThat(LibraryCursor.decode(cursor.encode(), LibrarySort.RATING)).isEqualTo(cursor);
    assertThatThrownBy(() -> LibraryCursor.decode(cursor.encode(), LibrarySort.POPULAR))
        .isInstanceOf(ProblemException.class);
    assertThat(LibraryCursor.decode(" ", LibrarySort.POPULAR)).isNull();
    for (String bad : new String[] {"x", "cG9wdWxhcnxub3RhbnVtYmVyfHg", "%%%"}) {
      assertThatThrownBy(() -> LibraryCursor.decode(bad, LibrarySort.POPULAR))
          .as(bad)
          .isInstanceOf(ProblemException.class);
    }
  }

  @Test
  void ordersAndFiltersAreNamedByTheirCodes() {
    assertThat(LibrarySort.parseOrDefault(null)).isEqualTo(LibrarySort.POPULAR);
    assertThat(LibrarySort.parseOrDefault("Newest")).isEqualTo(LibrarySort.NEWEST);
    assertThatThrownBy(() -> LibrarySort.parseOrDefault("cheapest"))
        .isInstanceOf(ProblemException.class);
    assertThat(Difficulty.parse("advanced")).isEqualTo(Difficulty.ADVANCED);
    assertThatThrownBy(() -> Difficulty.parse("expert")).isInstanceOf(ProblemException.class);
    assertThat(Gender.parse("female")).isEqualTo(Gender.FEMALE);
    assertThatThrownBy(() -> Gender.parse("robot")).isInstanceOf(ProblemException.class);
  }

  @Test
  void searchWordsBecomePrefixesAndNothingElseReachesTheQuery() {
    assertThat(PoseLibrary.prefixQuery("Warrior pose")).isEqualTo("warrior:* & pose:*");
    assertThat(PoseLibrary.prefixQuery("a' | b:* & !c (d)")).isEqualTo("a:* & b:* & c:* & d:*");
    assertThat(PoseLibrary.prefixQuery("!!! ---")).isEmpty();
  }
}

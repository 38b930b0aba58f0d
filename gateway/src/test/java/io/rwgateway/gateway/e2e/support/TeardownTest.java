package io.rwgateway.gateway.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeardownTest {
  @Test
  void closesInReverseOrderOfRegistration() throws Exception {
    List<String> closed = new ArrayList<>();
    Teardown teardown = new Teardown();
    teardown.add(() -> closed.add("gateway B"));
    teardown.add(() -> closed.add("gateway A"));
    teardown.add(() -> closed.add("senders"));
    teardown.close();
    assertThat(closed).containsExactly("senders", "gateway A", "gateway B");
  }

  @Test
  void runsEveryStepWhenOneFailsAndReportsAllFailures() {
    List<String> closed = new ArrayList<>();
    Teardown teardown = new Teardown();
    teardown.add(() -> closed.add("first"));
    teardown.add(() -> {
      throw new IllegalStateException("cannot stop second");
    });
    teardown.add(() -> {
      throw new IllegalStateException("cannot stop third");
    });
    assertThatThrownBy(teardown::close).hasMessage("cannot stop third")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("cannot stop second"));
    assertThat(closed).containsExactly("first");
  }

  @Test
  void closingTwiceStopsNothingTwice() throws Exception {
    List<String> closed = new ArrayList<>();
    Teardown teardown = new Teardown();
    teardown.add(() -> closed.add("once"));
    teardown.close();
    teardown.close();
    assertThat(closed).containsExactly("once");
  }
}

package io.rwgateway.translators.relabel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairMemoTest {
  @Test
  void findsWhatWasPutByBothRefsInOrder() {
    PairMemo memo = new PairMemo();
    memo.put(PairMemo.key(1, 2), "a");
    memo.put(PairMemo.key(0, 0), "empty");
    assertThat(memo.get(PairMemo.key(1, 2))).isEqualTo("a");
    assertThat(memo.get(PairMemo.key(2, 1))).isNull();
    assertThat(memo.get(PairMemo.key(0, 0))).isEqualTo("empty");
    memo.put(PairMemo.key(1, 2), "b");
    assertThat(memo.get(PairMemo.key(1, 2))).isEqualTo("b");
  }

  @Test
  void keepsEveryEntryWhileItGrows() {
    PairMemo memo = new PairMemo();
    for (int a = 0; a < 100; a++) {
      for (int b = 0; b < 30; b++) {
        memo.put(PairMemo.key(a, b), a * 1000 + b);
      }
    }
    for (int a = 0; a < 100; a++) {
      for (int b = 0; b < 30; b++) {
        assertThat(memo.get(PairMemo.key(a, b))).isEqualTo(a * 1000 + b);
      }
    }
    assertThat(memo.get(PairMemo.key(100, 0))).isNull();
  }
}

package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymbolTableBuilderTest {

  @Test
  void startsWithTheEmptyStringAtZero() {
    SymbolTableBuilder b = new SymbolTableBuilder();

    assertThat(b.size()).isEqualTo(1);
    assertThat(b.intern("")).isZero();
    assertThat(b.build().get(0)).isEmpty();
  }

  @Test
  void givesEqualStringsOneRefInFirstSeenOrder() {
    SymbolTableBuilder b = new SymbolTableBuilder(2);

    assertThat(b.intern("job")).isEqualTo(1);
    assertThat(b.intern("up")).isEqualTo(2);
    assertThat(b.intern(new String("job"))).isEqualTo(1);
    assertThat(b.get(2)).isEqualTo("up");
    assertThat(b.build()).isEqualTo(SymbolTable.of(java.util.List.of("", "job", "up")));
  }

  @Test
  void growsPastTheExpectedSize() {
    SymbolTableBuilder b = new SymbolTableBuilder(4);
    for (int i = 0; i < 10_000; i++) {
      assertThat(b.intern("s" + i)).isEqualTo(i + 1);
    }
    for (int i = 0; i < 10_000; i++) {
      assertThat(b.intern("s" + i)).isEqualTo(i + 1);
      assertThat(b.get(i + 1)).isEqualTo("s" + i);
    }
    assertThat(b.size()).isEqualTo(10_001);
    assertThat(b.build().size()).isEqualTo(10_001);
  }

  @Test
  void keepsStringsWithCollidingHashesApart() {
    SymbolTableBuilder b = new SymbolTableBuilder();
    // "Aa" and "BB" have the same String.hashCode.
    assertThat(b.intern("Aa")).isEqualTo(1);
    assertThat(b.intern("BB")).isEqualTo(2);
    assertThat(b.intern("AaAa")).isEqualTo(3);
    assertThat(b.intern("BBBB")).isEqualTo(4);
    assertThat(b.intern("BB")).isEqualTo(2);
  }

  @Test
  void builtTableDoesNotChangeWhenBuildingGoesOn() {
    SymbolTableBuilder b = new SymbolTableBuilder();
    b.intern("a");
    SymbolTable first = b.build();

    b.intern("b");

    assertThat(first.size()).isEqualTo(2);
    assertThat(b.build().size()).isEqualTo(3);
  }
}

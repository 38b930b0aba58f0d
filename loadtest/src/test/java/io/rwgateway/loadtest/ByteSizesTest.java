package io.rwgateway.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

  @Test
  void parsesBinaryUnits() {
    assertThat(ByteSizes.parse("512MiB")).isEqualTo(512L << 20);
    assertThat(ByteSizes.parse("2GiB")).isEqualTo(2L << 30);
    assertThat(ByteSizes.parse("64KiB")).isEqualTo(65536);
    assertThat(ByteSizes.parse("1000")).isEqualTo(1000);
  }

  @Test
  void refusesUnknownUnits() {
    assertThatThrownBy(() -> ByteSizes.parse("5MB")).hasMessageContaining("unknown unit \"MB\"");
    assertThatThrownBy(() -> ByteSizes.parse("MiB")).hasMessageContaining("cannot parse size");
  }
}

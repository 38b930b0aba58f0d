package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void plainIntegersAreBytes() {
    assertThat(ByteSize.parse("0")).isZero();
    assertThat(ByteSize.parse("1048576")).isEqualTo(1_048_576L);
    assertThat(ByteSize.parse("17B")).isEqualTo(17L);
  }

  @Test
  void decimalUnitsArePowersOf1000() {
    assertThat(ByteSize.parse("500KB")).isEqualTo(500_000L);
    assertThat(ByteSize.parse("3MB")).isEqualTo(3_000_000L);
    assertThat(ByteSize.parse("2GB")).isEqualTo(2_000_000_000L);
  }

  @Test
  void binaryUnitsArePowersOf1024() {
    assertThat(ByteSize.parse("1KiB")).isEqualTo(1024L);
    assertThat(ByteSize.parse("64MiB")).isEqualTo(64L * 1024 * 1024);
    assertThat(ByteSize.parse("3GiB")).isEqualTo(3L * 1024 * 1024 * 1024);
  }

  @Test
  void unitsAreCaseSensitive() {
    assertThatThrownBy(() -> ByteSize.parse("64mib"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot parse size '64mib': unknown unit 'mib' (use B, KB, MB, GB, KiB, MiB, GiB)");
    assertThatThrownBy(() -> ByteSize.parse("1kB")).hasMessageContaining("unknown unit 'kB'");
  }

  @Test
  void rejectsMalformedSizes() {
    assertThatThrownBy(() -> ByteSize.parse(""))
        .hasMessage("cannot parse size '': empty, expected an integer with an optional unit B, KB, MB, GB, KiB, MiB, GiB");
    assertThatThrownBy(() -> ByteSize.parse("MiB"))
        .hasMessage("cannot parse size 'MiB': expected an integer with an optional unit B, KB, MB, GB, KiB, MiB, GiB"
            + " (e.g. 64MiB)");
    assertThatThrownBy(() -> ByteSize.parse("64 MiB")).hasMessageContaining("unknown unit ' MiB'");
    assertThatThrownBy(() -> ByteSize.parse("1.5GiB"))
        .hasMessage("cannot parse size '1.5GiB': fractions are not supported, use a smaller unit (e.g. 1536KiB)");
    assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessage("cannot parse size '-1': must not be negative");
  }

  @Test
  void rejectsSizesBeyondALong() {
    assertThatThrownBy(() -> ByteSize.parse("9223372036854775808"))
        .hasMessage("cannot parse size '9223372036854775808': too large");
    assertThatThrownBy(() -> ByteSize.parse("9000000000GiB")).hasMessage("cannot parse size '9000000000GiB': too large");
    assertThat(ByteSize.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void formatsWithTheLargestExactUnit() {
    assertThat(ByteSize.format(0)).isEqualTo("0B");
    assertThat(ByteSize.format(64L << 20)).isEqualTo("64MiB");
    assertThat(ByteSize.format(3L << 30)).isEqualTo("3GiB");
    assertThat(ByteSize.format(1536)).isEqualTo("1536B");
    assertThat(ByteSize.format(500_000)).isEqualTo("500KB");
    assertThat(ByteSize.format(1_000_001)).isEqualTo("1000001B");
  }

  @Test
  void formatParsesBack() {
    for (long bytes : new long[] {0, 1, 999, 1024, 1536, 500_000, 4L << 20, 10_000_000_000L, Integer.MAX_VALUE}) {
      assertThat(ByteSize.parse(ByteSize.format(bytes))).as("%d", bytes).isEqualTo(bytes);
    }
  }
}

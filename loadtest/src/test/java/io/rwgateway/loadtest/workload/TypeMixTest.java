package io.rwgateway.loadtest.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TypeMixTest {

  @Test
  void normalisesWeightsAndZeroesKindsNotNamed() {
    TypeMix mix = TypeMix.parse("counter=3, gauge=1");
    assertThat(mix.share(SeriesKind.COUNTER)).isCloseTo(0.75, within(1e-9));
    assertThat(mix.share(SeriesKind.GAUGE)).isCloseTo(0.25, within(1e-9));
    assertThat(mix.share(SeriesKind.NATIVE)).isZero();
  }

  @Test
  void rejectsUnknownKindsAndEmptyMixes() {
    assertThatThrownBy(() -> TypeMix.parse("counter=1,exotic=2")).hasMessageContaining("unknown kind \"exotic\"");
    assertThatThrownBy(() -> TypeMix.parse("counter=0")).hasMessageContaining("add up to 0");
    assertThatThrownBy(() -> TypeMix.parse("counter")).hasMessageContaining("expected kind=weight");
    assertThatThrownBy(() -> TypeMix.parse("gauge=-1")).hasMessageContaining("negative");
  }
}

package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes kills the pod terminationGracePeriodSeconds after it starts terminating: the preStop
 * sleep, then the gateway's drain on SIGTERM, must both fit, or queued data is lost unannounced.
 */
class TerminationGraceTest {
  /** The drain deadline the chart assumes, as its refusal states it (a grace equal to preStop is always refused). */
  private static long chartDrainDeadlineSeconds() {
    try {
      Chart.withDefaults().set("preStopSleepSeconds", 100).set("terminationGracePeriodSeconds", 100).render();
    } catch (IllegalStateException refused) {
      Matcher m = Pattern.compile("drain deadline \\((\\d+) s\\)").matcher(refused.getMessage());
      assertThat(m.find()).as(refused.getMessage()).isTrue();
      return Long.parseLong(m.group(1));
    }
    throw new AssertionError("a grace period equal to the preStop sleep was accepted");
  }

  private static long gatewayDrainDeadlineMillis() throws ReflectiveOperationException {
    Field f = Class.forName("io.rwgateway.gateway.Gateway").getDeclaredField("DRAIN_DEADLINE_MS");
    f.setAccessible(true);
    return f.getLong(null);
  }

  @Test
  void theChartsDrainDeadlineIsTheGateways() throws Exception {
    assertThat(chartDrainDeadlineSeconds() * 1000).isEqualTo(gatewayDrainDeadlineMillis());
  }

  @Test
  void theDefaultGraceCoversPreStopAndDrain() throws Exception {
    Manifests m = Chart.withDefaults().render();
    long grace = m.podSpec().path("terminationGracePeriodSeconds").asLong();
    long preStop = Long.parseLong(m.container().at("/lifecycle/preStop/exec/command/1").asText());

    assertThat(grace * 1000).isGreaterThan(preStop * 1000 + gatewayDrainDeadlineMillis());
  }

  @Test
  void oneSecondMoreThanPreStopPlusDrainIsAcceptedAndExactlyThatIsRefused() throws Exception {
    long drain = gatewayDrainDeadlineMillis() / 1000;
    Manifests accepted = Chart.withDefaults().set("preStopSleepSeconds", 5).set("terminationGracePeriodSeconds", 5 + drain + 1).render();

    assertThat(accepted.podSpec().path("terminationGracePeriodSeconds").asLong()).isEqualTo(5 + drain + 1);
    assertThatThrownBy(() -> Chart.withDefaults().set("preStopSleepSeconds", 5).set("terminationGracePeriodSeconds", 5 + drain).render())
        .hasMessageContaining("must exceed");
  }

  @Test
  void withoutPreStopSleepThereIsNoLifecycleHook() {
    Manifests m = Chart.withDefaults().set("preStopSleepSeconds", 0).render();

    assertThat(m.container().has("lifecycle")).isFalse();
  }
}

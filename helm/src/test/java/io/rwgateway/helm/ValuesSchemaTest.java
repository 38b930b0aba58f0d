package io.rwgateway.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values the chart must refuse, each with a message that names the value and what is wrong. */
class ValuesSchemaTest {
  @Test
  void anUnknownModeIsRefusedWithTheAllowedOnes() {
    assertThatThrownBy(() -> Chart.withDefaults().set("mode", "daemonset").render())
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining("mode")
        .hasMessageContaining("standalone").hasMessageContaining("sidecar");
  }

  @Test
  void aMisspelledTopLevelKeyIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("replicas", 3).render())
        .hasMessageContaining("Additional property replicas is not allowed");
  }

  @Test
  void aCredentialSecretThatIsNotASecretNameOrWouldShadowTheChartsOwnIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("credentialSecrets[0]", "Bad_Name").render())
        .hasMessageContaining("credentialSecrets");
    assertThatThrownBy(() -> Chart.withDefaults().set("credentialSecrets[0]", "values").render())
        .hasMessageContaining("credentialSecrets");
  }

  @Test
  void aHeapShareLeavingNoRoomForTheRestOfTheJvmIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("jvm.maxRAMPercentage", 95).render())
        .hasMessageContaining("jvm.maxRAMPercentage").hasMessageContaining("90");
  }

  @Test
  void resourcesWithoutAMemoryLimitAreRefused(@TempDir Path tmp) throws Exception {
    // null removes a default key in a values file (Helm's merge rule)
    Path values = Files.writeString(tmp.resolve("values.yaml"), "resources:\n  limits:\n    memory: null\n");

    assertThatThrownBy(() -> Chart.with(values).render())
        .hasMessageContaining("resources.limits").hasMessageContaining("memory is required");
  }

  @Test
  void aRootUserIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("securityContext.runAsUser", 0).render())
        .hasMessageContaining("securityContext.runAsUser").hasMessageContaining("greater than or equal to 1");
  }

  @Test
  void aListenAddressWithoutPortIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("config.listen_address", "0.0.0.0").render())
        .hasMessageContaining("config.listen_address");
  }

  @Test
  void aGracePeriodNotLongerThanPreStopPlusTheDrainDeadlineIsRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("preStopSleepSeconds", 5).set("terminationGracePeriodSeconds", 15).render())
        .hasMessageContaining("terminationGracePeriodSeconds (15) must exceed preStopSleepSeconds (5)"
            + " + the gateway's drain deadline (10 s)");
  }

  @Test
  void standaloneOnlyObjectsAreRefusedInSidecarMode() {
    assertThatThrownBy(() -> Chart.withDefaults().set("mode", "sidecar").set("autoscaling.enabled", true).render())
        .hasMessageContaining("autoscaling.enabled applies to mode standalone only");
    assertThatThrownBy(() -> Chart.withDefaults().set("mode", "sidecar").set("serviceMonitor.enabled", true).render())
        .hasMessageContaining("serviceMonitor.enabled applies to mode standalone only");
  }

  @Test
  void aRenderedSecretAndAnExistingOneAtOnceAreRefused() {
    assertThatThrownBy(() -> Chart.withDefaults().set("configSecret.enabled", true)
        .set("configSecret.existingSecret", "mine").render())
        .hasMessageContaining("configSecret: set either enabled");
  }
}

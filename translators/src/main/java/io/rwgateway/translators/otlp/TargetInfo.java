package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.rwgateway.translators.model.MetricType;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code target_info} gauge of a resource (otlp.md §4.2): value 1, labelled with the resource
 * attributes (minus service.name/namespace/instance.id unless kept) plus job and instance, sampled
 * at the earliest point's time, then every lookback_delta/2 while before the latest, and at the
 * latest. Only for a resource that yielded points, has an attribute besides the identifying three,
 * and has a job or an instance. No ST, no scope labels.
 */
final class TargetInfo {
  static final String NAME = "target_info";
  static final String HELP = "Target metadata";
  /** Bounds the samples one request can ask for (a point at 1970 and one now would be millions). */
  static final int MAX_SAMPLES = 1000;

  private TargetInfo() {}

  static void write(TranslationRun run, Resource resource, OtlpOptions options) {
    ResourceContext rc = run.resource;
    if (rc.job == null && rc.instance == null) {
      return;
    }
    boolean other = false;
    List<KeyValue> attrs = new ArrayList<>(resource.getAttributesCount());
    for (KeyValue kv : resource.getAttributesList()) {
      boolean identifying = ResourceContext.IDENTIFYING.contains(kv.getKey());
      other |= !identifying;
      if (!identifying || options.keepIdentifyingResourceAttributes()) {
        attrs.add(kv);
      }
    }
    if (!other) {
      return;
    }
    LabelScratch labels = new LabelScratch();
    AttributeLabels.addJoined(attrs, run.labelNamer, labels, run.tally, true);
    if (rc.job != null) {
      labels.put("job", rc.job);
    }
    if (rc.instance != null) {
      labels.put("instance", rc.instance);
    }
    labels.put("__name__", NAME);
    SeriesSink.Out out = run.sink.series(labels.sortedPairs(), MetricType.GAUGE, HELP, "");
    long one = Double.doubleToRawLongBits(1.0);
    long min = run.resourceMinMillis;
    long max = run.resourceMaxMillis;
    long step = Math.max(1, options.lookbackDelta().toMillis() / 2);
    int n = 0;
    for (long t = min; t < max && n < MAX_SAMPLES; t += step, n++) {
      out.sample(t, one, 0); // a duplicate (another resource, same labels) is skipped silently
    }
    out.sample(max, one, 0);
  }
}

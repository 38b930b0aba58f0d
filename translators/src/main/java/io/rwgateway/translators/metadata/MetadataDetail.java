package io.rwgateway.translators.metadata;

import io.rwgateway.translators.model.MetricBatch;
import io.rwgateway.translators.model.MetricType;
import io.rwgateway.translators.model.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * How much metadata a backend gets (per backend {@code metadata:}). HELP text is most of what an
 * RW 2.0 request carries beyond labels and samples at low volume (docs/benchmarks.md, "Egress
 * bytes"); a backend that never shows it can go without it. Type and unit are a few bytes a series
 * and drive query behaviour (counter functions, unit suffixes), so {@code type_and_unit} keeps them.
 */
public enum MetadataDetail {
  /** Type, help and unit, as received (the default). */
  FULL("full"),
  /** Type and unit; help is left out. */
  TYPE_AND_UNIT("type_and_unit"),
  /** No metadata at all. */
  NONE("none");

  private final String configName;

  MetadataDetail(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** The detail named {@code name} in the config, or null. */
  public static MetadataDetail fromConfigName(String name) {
    for (MetadataDetail d : values()) {
      if (d.configName.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** The batches with what this detail leaves out removed; the same list for {@link #FULL}. */
  public List<MetricBatch> apply(List<MetricBatch> batches) {
    if (this == FULL) {
      return batches;
    }
    List<MetricBatch> out = new ArrayList<>(batches.size());
    for (MetricBatch b : batches) {
      List<Series> trimmed = new ArrayList<>(b.series().size());
      for (Series s : b.series()) {
        trimmed.add(this == NONE ? s.withMetadata(MetricType.UNSPECIFIED, 0, 0) : s.withMetadata(s.type(), 0, s.unitRef()));
      }
      out.add(new MetricBatch(b.symbols(), trimmed));
    }
    return out;
  }
}

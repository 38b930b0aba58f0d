package io.rwgateway.translators.otlp;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.rwgateway.translators.codec.LabelSetValidator;
import java.util.List;

/**
 * Attributes → labels (otlp.md §3.5): sorted by original key (UTF-8 byte order), escaped, and a
 * value whose escaped name is taken is joined onto the existing one with {@code ;}. An attribute
 * with an empty value adds nothing.
 */
final class AttributeLabels {
  private static final KeyValue[] NONE = new KeyValue[0];

  private AttributeLabels() {}

  /**
   * Adds {@code attributes} to {@code out}. With {@code skipInvalid}, an attribute whose name
   * cannot be a label is left out (counted); otherwise the exception rejects the data point.
   */
  static void addJoined(List<KeyValue> attributes, LabelNamer namer, LabelScratch out, Tally tally,
      boolean skipInvalid) {
    if (attributes.isEmpty()) {
      return;
    }
    if (out.size() != 0) {
      throw new IllegalStateException("attributes go into an empty label scratch");
    }
    // The order only matters when two keys escape to one name: try the order sent first (no copy,
    // no sort), and sort only when a collision shows the joined value depends on it.
    if (!add(attributes, namer, out, tally, skipInvalid)) {
      return;
    }
    tally.warn(OtlpTranslation.Reasons.LABEL_COLLISION, "attributes escaped to the same label name;"
        + " values joined with ';' in the order of their keys");
    if (isSorted(attributes)) {
      return;
    }
    KeyValue[] sorted = attributes.toArray(NONE);
    java.util.Arrays.sort(sorted, (a, b) -> LabelSetValidator.compareUtf8(a.getKey(), b.getKey()));
    out.clear();
    add(java.util.Arrays.asList(sorted), namer, out, null, skipInvalid);
  }

  /** Adds in the given order; true when some escaped name collided. Counts nothing when tally is null. */
  private static boolean add(List<KeyValue> attributes, LabelNamer namer, LabelScratch out, Tally tally,
      boolean skipInvalid) {
    boolean collided = false;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      KeyValue kv = attributes.get(i);
      String value = AttributeText.of(kv.getValue());
      if (value.isEmpty()) {
        continue;
      }
      String name;
      try {
        name = namer.build(kv.getKey());
      } catch (LabelNamer.InvalidLabelException e) {
        if (skipInvalid) {
          if (tally != null) {
            tally.note(OtlpTranslation.Reasons.INVALID_LABEL_NAME);
          }
          continue;
        }
        throw new InvalidAttributeException(e.getMessage());
      }
      collided |= out.putJoining(name, value);
    }
    return collided;
  }

  private static boolean isSorted(List<KeyValue> kvs) {
    for (int i = 1; i < kvs.size(); i++) {
      if (LabelSetValidator.compareUtf8(kvs.get(i - 1).getKey(), kvs.get(i).getKey()) > 0) {
        return false;
      }
    }
    return true;
  }

  /** A data point attribute whose name cannot be a label: that point is rejected. */
  static final class InvalidAttributeException extends RuntimeException {
    InvalidAttributeException(String message) {
      super(message, null, false, false);
    }
  }
}

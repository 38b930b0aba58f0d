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
    KeyValue[] sorted = attributes.toArray(NONE);
    if (!isSorted(sorted)) {
      java.util.Arrays.sort(sorted, (a, b) -> LabelSetValidator.compareUtf8(a.getKey(), b.getKey()));
    }
    for (KeyValue kv : sorted) {
      String value = AttributeText.of(kv.getValue());
      if (value.isEmpty()) {
        continue;
      }
      String name;
      try {
        name = namer.build(kv.getKey());
      } catch (LabelNamer.InvalidLabelException e) {
        if (skipInvalid) {
          tally.note(OtlpTranslation.Reasons.INVALID_LABEL_NAME);
          continue;
        }
        throw new InvalidAttributeException(e.getMessage());
      }
      if (out.putJoining(name, value)) {
        tally.warn(OtlpTranslation.Reasons.LABEL_COLLISION, "attributes escaped to the same label name \""
            + name + "\"; values joined with ';'");
      }
    }
  }

  private static boolean isSorted(KeyValue[] kvs) {
    for (int i = 1; i < kvs.length; i++) {
      if (LabelSetValidator.compareUtf8(kvs[i - 1].getKey(), kvs[i].getKey()) > 0) {
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

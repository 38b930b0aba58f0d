package io.rwgateway.translators.relabel;

/**
 * {@code lowercase}, {@code uppercase} and {@code hashmod}: {@code target_label} is set to a
 * function of the joined source values (an empty result deletes it). No shared cache: changing
 * case is one scan of the value (no copy when nothing changes), and the MD5 of hashmod costs about
 * what a lookup in a large table does, while hashmod is typically applied to a label that is
 * unique per series (to shard series), where a cache could only thrash once the series outnumber
 * it. Within a batch the result is remembered per input value ref, like every value step's.
 */
final class ValueWriteStep extends ValueStep<String> {
  /** Bucket names are precomputed up to this modulus, so a bucket costs no string. */
  private static final long MAX_PRECOMPUTED_BUCKETS = 4096;

  private final String target;
  private final String[] buckets;

  ValueWriteStep(RelabelRule rule, int index) {
    super(rule, index, 0, false);
    this.target = rule.targetLabel();
    long modulus = rule.modulus();
    if (rule.action() == RelabelAction.HASHMOD && modulus <= MAX_PRECOMPUTED_BUCKETS) {
      buckets = new String[(int) modulus];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = Long.toString(i);
      }
    } else {
      buckets = null;
    }
  }

  @Override
  String writes() {
    return target;
  }

  @Override
  String compute(String val) {
    return switch (rule().action()) {
      case LOWERCASE -> GoStrings.toLower(val);
      case UPPERCASE -> GoStrings.toUpper(val);
      case HASHMOD -> buckets != null
          ? buckets[(int) HashMod.index(val, rule().modulus())]
          : HashMod.bucket(val, rule().modulus());
      default -> throw new IllegalStateException("cannot write a value for action " + rule().action());
    };
  }

  /**
   * hashmod hashes the UTF-8 bytes of the value: for a value from the input they are the
   * dictionary's, so a label unique per series (its usual source) never becomes a {@code String}
   * (each would stay in the dictionary for the life of its generation).
   */
  @Override
  String computeFrom(WorkingLabels labels, SourceValues sources) {
    if (rule().action() != RelabelAction.HASHMOD) {
      return super.computeFrom(labels, sources);
    }
    byte[] utf8 = sources.utf8(labels);
    long bucket = HashMod.index(utf8, rule().modulus());
    return buckets != null ? buckets[(int) bucket] : Long.toUnsignedString(bucket);
  }

  @Override
  boolean apply(WorkingLabels labels, PlanScratch scratch) {
    labels.set(target, result(labels, scratch));
    return true;
  }
}

package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.RelabelAction.DROPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.KEEPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELKEEP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELMAP;
import static io.rwgateway.translators.relabel.RelabelAction.LOWERCASE;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static io.rwgateway.translators.relabel.RelabelAction.UPPERCASE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of Prometheus 2.42 {@code relabel.Config.UnmarshalYAML}, in its order and with its
 * messages, so a config Prometheus refuses is refused here with the same words. (2.49 tightened
 * them: there {@code lowercase}, {@code uppercase}, {@code keepequal} and {@code dropequal} need a
 * plain label name as target; 2.42 lets a {@code $}-template through, which then names a label
 * literally, e.g. {@code "${1}"}.)
 */
final class RuleValidator {
  static final String DEFAULT_SEPARATOR = ";";
  static final String DEFAULT_REPLACEMENT = "$1";

  private static final Set<RelabelAction> NEED_TARGET =
      EnumSet.of(REPLACE, HASHMOD, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL);
  private static final Set<RelabelAction> TEMPLATE_TARGET =
      EnumSet.of(REPLACE, LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL);
  private static final Set<RelabelAction> NO_REPLACEMENT =
      EnumSet.of(LOWERCASE, UPPERCASE, KEEPEQUAL, DROPEQUAL);

  private RuleValidator() {}

  /** Go's {@code model.LabelName.UnmarshalYAML}, run on each source label while parsing. */
  static void checkSourceLabels(List<String> sourceLabels) {
    for (String name : sourceLabels) {
      if (name == null || !LabelNames.isValid(name)) {
        throw new IllegalArgumentException(
            GoStrings.quote(String.valueOf(name)) + " is not a valid label name");
      }
    }
  }

  /**
   * @param sourceLabelsSet whether source_labels were given (non-empty)
   * @param regexSet        whether a regex was given at all (Prometheus compares the compiled
   *                        regex by identity with the default one, so even an explicit
   *                        {@code "(.*)"} counts as set)
   */
  static void check(RelabelAction action, boolean sourceLabelsSet, String separator,
      String target, boolean regexSet, long modulus, String replacement) {
    String name = action.yamlName();
    if (modulus == 0 && action == HASHMOD) {
      fail("relabel configuration for hashmod requires non-zero modulus");
    }
    if (NEED_TARGET.contains(action) && target.isEmpty()) {
      fail("relabel configuration for " + name + " action requires 'target_label' value");
    }
    if (TEMPLATE_TARGET.contains(action) && !LabelNames.isTargetTemplate(target)) {
      fail(GoStrings.quote(target) + " is invalid 'target_label' for " + name + " action");
    }
    if (NO_REPLACEMENT.contains(action) && !replacement.equals(DEFAULT_REPLACEMENT)) {
      fail("'replacement' can not be set for " + name + " action");
    }
    if (action == LABELMAP && !LabelNames.isTargetTemplate(replacement)) {
      fail(GoStrings.quote(replacement) + " is invalid 'replacement' for " + name + " action");
    }
    if (action == HASHMOD && !LabelNames.isValid(target)) {
      fail(GoStrings.quote(target) + " is invalid 'target_label' for " + name + " action");
    }
    if ((action == DROPEQUAL || action == KEEPEQUAL)
        && (regexSet || modulus != 0 || !separator.equals(DEFAULT_SEPARATOR)
            || !replacement.equals(DEFAULT_REPLACEMENT))) {
      fail(name + " action requires only 'source_labels' and `target_label`, and no other fields");
    }
    if ((action == LABELDROP || action == LABELKEEP)
        && (sourceLabelsSet || !target.isEmpty() || modulus != 0
            || !separator.equals(DEFAULT_SEPARATOR) || !replacement.equals(DEFAULT_REPLACEMENT))) {
      fail(name + " action requires only 'regex', and no other fields");
    }
  }

  private static void fail(String message) {
    throw new IllegalArgumentException(message);
  }
}

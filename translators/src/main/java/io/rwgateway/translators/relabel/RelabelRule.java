package io.rwgateway.translators.relabel;

import java.util.List;
import java.util.Objects;

/**
 * One {@code write_relabel_configs} entry, validated and compiled as Prometheus 2.42 does
 * ({@code model/relabel/relabel.go}). Immutable; equal by value, the regex by its source text, so
 * rule lists of two config versions can be compared.
 */
public final class RelabelRule {
  private static final RelabelRegex DEFAULT_REGEX = RelabelRegex.compile(RelabelRegex.DEFAULT_SOURCE);

  private final RelabelAction action;
  private final List<String> sourceLabels;
  private final String separator;
  private final String targetLabel;
  private final RelabelRegex regex;
  private final long modulus;
  private final String replacement;
  /** For REPLACE: the expanded target label; for LABELMAP and REPLACE: the replacement. */
  private final ExpandTemplate targetTemplate;
  private final ExpandTemplate replacementTemplate;

  private RelabelRule(RelabelAction action, List<String> sourceLabels, String separator,
      String targetLabel, RelabelRegex regex, long modulus, String replacement) {
    this.action = action;
    this.sourceLabels = sourceLabels;
    this.separator = separator;
    this.targetLabel = targetLabel;
    this.regex = regex;
    this.modulus = modulus;
    this.replacement = replacement;
    this.targetTemplate = regex.template(targetLabel);
    this.replacementTemplate = regex.template(replacement);
  }

  /**
   * Null arguments take Prometheus' defaults: separator ";", regex "(.*)", replacement "$1",
   * action REPLACE, modulus 0, no source labels, no target label. An empty source label list counts
   * as none. Throws IllegalArgumentException with a one-line message, Prometheus' own where it
   * has one (e.g. {@code relabel configuration for hashmod requires non-zero modulus}), when the
   * rule is invalid.
   */
  public static RelabelRule of(RelabelAction action, List<String> sourceLabels, String separator,
      String targetLabel, String regex, Long modulus, String replacement) {
    RelabelAction a = action == null ? RelabelAction.REPLACE : action;
    if (sourceLabels != null) {
      RuleValidator.checkSourceLabels(sourceLabels);
    }
    List<String> sources = sourceLabels == null ? List.of() : List.copyOf(sourceLabels);
    String sep = separator == null ? RuleValidator.DEFAULT_SEPARATOR : separator;
    String target = targetLabel == null ? "" : targetLabel;
    long mod = modulus == null ? 0 : modulus;
    String repl = replacement == null ? RuleValidator.DEFAULT_REPLACEMENT : replacement;
    if (mod < 0) {
      throw new IllegalArgumentException(
          "cannot use modulus " + mod + " for " + a.yamlName() + " action: must not be negative");
    }
    RelabelRegex re = regex == null ? DEFAULT_REGEX : RelabelRegex.compile(regex);
    RuleValidator.check(a, !sources.isEmpty(), sep, target, regex != null, mod, repl);
    return new RelabelRule(a, sources, sep, target, re, mod, repl);
  }

  public RelabelAction action() {
    return action;
  }

  public List<String> sourceLabels() {
    return sourceLabels;
  }

  public String separator() {
    return separator;
  }

  public String targetLabel() {
    return targetLabel;
  }

  /** The regex as written, without the {@code ^(?:...)$} anchors Prometheus adds. */
  public String regex() {
    return regex.source();
  }

  public long modulus() {
    return modulus;
  }

  public String replacement() {
    return replacement;
  }

  RelabelRegex compiledRegex() {
    return regex;
  }

  ExpandTemplate targetTemplate() {
    return targetTemplate;
  }

  ExpandTemplate replacementTemplate() {
    return replacementTemplate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RelabelRule r
        && action == r.action
        && modulus == r.modulus
        && sourceLabels.equals(r.sourceLabels)
        && separator.equals(r.separator)
        && targetLabel.equals(r.targetLabel)
        && regex.source().equals(r.regex.source())
        && replacement.equals(r.replacement);
  }

  @Override
  public int hashCode() {
    return Objects.hash(action, sourceLabels, separator, targetLabel, regex.source(), modulus,
        replacement);
  }

  @Override
  public String toString() {
    return "RelabelRule{action=" + action.yamlName()
        + ", source_labels=" + sourceLabels
        + ", separator=" + GoStrings.quote(separator)
        + ", regex=" + GoStrings.quote(regex.source())
        + ", target_label=" + GoStrings.quote(targetLabel)
        + ", replacement=" + GoStrings.quote(replacement)
        + ", modulus=" + modulus + "}";
  }
}

package io.rwgateway.translators.relabel;

import java.util.Optional;

/**
 * The relabel actions of Prometheus 2.42 {@code model/relabel/relabel.go}; {@code keepequal} and
 * {@code dropequal} arrived in 2.41.
 */
public enum RelabelAction {
  REPLACE("replace"),
  KEEP("keep"),
  DROP("drop"),
  KEEPEQUAL("keepequal"),
  DROPEQUAL("dropequal"),
  HASHMOD("hashmod"),
  LABELMAP("labelmap"),
  LABELDROP("labeldrop"),
  LABELKEEP("labelkeep"),
  LOWERCASE("lowercase"),
  UPPERCASE("uppercase");

  private final String yamlName;

  RelabelAction(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name a Prometheus configuration uses, e.g. {@code "keepequal"}. */
  public String yamlName() {
    return yamlName;
  }

  /**
   * The action named {@code s}, ignoring case as Prometheus does ({@code Action.UnmarshalYAML}
   * lowers the text with Go's {@code strings.ToLower} before comparing); empty when unknown. The
   * caller reports an unknown name as Prometheus does: {@code unknown relabel action "<s>"}.
   */
  public static Optional<RelabelAction> fromYamlName(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String lower = GoStrings.toLower(s);
    for (RelabelAction a : values()) {
      if (a.yamlName.equals(lower)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}

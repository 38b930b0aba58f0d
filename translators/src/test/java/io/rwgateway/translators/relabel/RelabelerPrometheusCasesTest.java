package io.rwgateway.translators.relabel;

import static io.rwgateway.translators.relabel.Labels.of;
import static io.rwgateway.translators.relabel.Labels.rule;
import static io.rwgateway.translators.relabel.RelabelAction.DROP;
import static io.rwgateway.translators.relabel.RelabelAction.DROPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.HASHMOD;
import static io.rwgateway.translators.relabel.RelabelAction.KEEP;
import static io.rwgateway.translators.relabel.RelabelAction.KEEPEQUAL;
import static io.rwgateway.translators.relabel.RelabelAction.LABELDROP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELKEEP;
import static io.rwgateway.translators.relabel.RelabelAction.LABELMAP;
import static io.rwgateway.translators.relabel.RelabelAction.LOWERCASE;
import static io.rwgateway.translators.relabel.RelabelAction.REPLACE;
import static io.rwgateway.translators.relabel.RelabelAction.UPPERCASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of Prometheus' {@code model/relabel/relabel_test.go} TestRelabel, ported one for one,
 * expected outputs (including the hashmod buckets 976 and 734) as Prometheus states them, for the
 * plain {@link Relabeler} and for the {@link RelabelPlan} the gateway runs.
 */
class RelabelerPrometheusCasesTest {

  static Stream<Arguments> prometheusCases() {
    return Stream.of(
        Arguments.of("replace with ${1} twice",
            of("a", "foo", "b", "bar", "c", "baz"),
            List.of(rule(REPLACE, "a", "f(.*)", "d", "ch${1}-ch${1}")),
            of("a", "foo", "b", "bar", "c", "baz", "d", "choo-choo")),
        Arguments.of("two replaces, the second sees the first's result",
            of("a", "foo", "b", "bar", "c", "baz"),
            List.of(rule(REPLACE, "a,b", "f(.*);(.*)r", "a", "b${1}${2}m"),
                rule(REPLACE, "c,a", "(b).*b(.*)ba(.*)", "d", "$1$2$2$3")),
            of("a", "boobam", "b", "bar", "c", "baz", "d", "boooom")),
        Arguments.of("drop stops the rules",
            of("a", "foo"),
            List.of(rule(DROP, "a", ".*o.*", null, null),
                rule(REPLACE, "a", "f(.*)", "d", "ch$1-ch$1")),
            null),
        Arguments.of("drop on match",
            of("a", "foo", "b", "bar"),
            List.of(rule(DROP, "a", ".*o.*", null, null)),
            null),
        Arguments.of("replace with the group only",
            of("a", "abc"),
            List.of(rule(REPLACE, "a", ".*(b).*", "d", "$1")),
            of("a", "abc", "d", "b")),
        Arguments.of("drop without match keeps",
            of("a", "foo"),
            List.of(rule(DROP, "a", "no-match", null, null)),
            of("a", "foo")),
        Arguments.of("drop regex is anchored: f|o does not match foo",
            of("a", "foo"),
            List.of(rule(DROP, "a", "f|o", null, null)),
            of("a", "foo")),
        Arguments.of("keep without match drops",
            of("a", "foo"),
            List.of(rule(KEEP, "a", "no-match", null, null)),
            null),
        Arguments.of("keep with match keeps",
            of("a", "foo"),
            List.of(rule(KEEP, "a", "f.*", null, null)),
            of("a", "foo")),
        Arguments.of("no replacement without a match",
            of("a", "boo"),
            List.of(rule(REPLACE, "a", "f", "b", "bar")),
            of("a", "boo")),
        Arguments.of("hashmod of baz mod 1000 is 976",
            of("a", "foo", "b", "bar", "c", "baz"),
            List.of(RelabelRule.of(HASHMOD, List.of("c"), ";", "d", null, 1000L, null)),
            of("a", "foo", "b", "bar", "c", "baz", "d", "976")),
        Arguments.of("hashmod of foo\\nbar mod 1000 is 734",
            of("a", "foo\nbar"),
            List.of(RelabelRule.of(HASHMOD, List.of("a"), ";", "b", null, 1000L, null)),
            of("a", "foo\nbar", "b", "734")),
        Arguments.of("labelmap with a prefix",
            of("a", "foo", "b1", "bar", "b2", "baz"),
            List.of(rule(LABELMAP, null, "(b.*)", null, "bar_${1}")),
            of("a", "foo", "b1", "bar", "b2", "baz", "bar_b1", "bar", "bar_b2", "baz")),
        Arguments.of("labelmap of meta labels",
            of("a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc"),
            List.of(rule(LABELMAP, null, "__meta_(my.*)", null, "${1}")),
            of("a", "foo", "__meta_my_bar", "aaa", "__meta_my_baz", "bbb", "__meta_other", "ccc",
                "my_bar", "aaa", "my_baz", "bbb")),
        Arguments.of("target label from a group",
            of("a", "some-name-value"),
            List.of(rule(REPLACE, "a", "some-([^-]+)-([^,]+)", "${1}", "${2}")),
            of("a", "some-name-value", "name", "value")),
        Arguments.of("replacement expanding to empty sets nothing",
            of("a", "some-name-value"),
            List.of(rule(REPLACE, "a", "some-([^-]+)-([^,]+)", "${1}", "${3}")),
            of("a", "some-name-value")),
        Arguments.of("target expanding to an invalid name sets nothing",
            of("a", "some-name-0"),
            List.of(rule(REPLACE, "a", "some-([^-]+)-([^,]+)", "${3}", "${1}"),
                rule(REPLACE, "a", "some-([^-]+)-([^,]+)", "${3}", "${1}"),
                rule(REPLACE, "a", "some-([^-]+)(-[^,]+)", "${3}", "${1}")),
            of("a", "some-name-0")),
        Arguments.of("real-life tags parsing",
            of("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar"),
            List.of(rule(REPLACE, "__meta_sd_tags", "(?:.+,|^)path:(/[^,]+).*", "__metrics_path__", "${1}"),
                rule(REPLACE, "__meta_sd_tags", "(?:.+,|^)job:([^,]+).*", "job", "${1}"),
                rule(REPLACE, "__meta_sd_tags", "(?:.+,|^)label:([^=]+)=([^,]+).*", "${1}", "${2}")),
            of("__meta_sd_tags", "path:/secret,job:some-job,label:foo=bar",
                "__metrics_path__", "/secret", "job", "some-job", "foo", "bar")),
        Arguments.of("issue 12283: labeldrop then replace re-adds the label",
            of("__meta_kubernetes_pod_container_port_name", "foo",
                "__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091"),
            List.of(rule(LABELDROP, null, "^__meta_kubernetes_pod_container_port_name$", null, null),
                rule(REPLACE, "__meta_kubernetes_pod_annotation_XXX_metrics_port", "(.+)",
                    "__meta_kubernetes_pod_container_port_name", "metrics"),
                rule(KEEP, "__meta_kubernetes_pod_container_port_name", "^metrics$", null, null)),
            of("__meta_kubernetes_pod_annotation_XXX_metrics_port", "9091",
                "__meta_kubernetes_pod_container_port_name", "metrics")),
        Arguments.of("labelkeep",
            of("a", "foo", "b1", "bar", "b2", "baz"),
            List.of(rule(LABELKEEP, null, "(b.*)", null, null)),
            of("b1", "bar", "b2", "baz")),
        Arguments.of("labeldrop",
            of("a", "foo", "b1", "bar", "b2", "baz"),
            List.of(rule(LABELDROP, null, "(b.*)", null, null)),
            of("a", "foo")),
        Arguments.of("uppercase and lowercase",
            of("foo", "bAr123Foo"),
            List.of(rule(UPPERCASE, "foo", null, "foo_uppercase", null),
                rule(LOWERCASE, "foo", null, "foo_lowercase", null)),
            of("foo", "bAr123Foo", "foo_lowercase", "bar123foo", "foo_uppercase", "BAR123FOO")),
        Arguments.of("keepequal with equal values keeps",
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            List.of(rule(KEEPEQUAL, "__tmp_port", null, "__port1", null)),
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678")),
        Arguments.of("dropequal with equal values drops",
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            List.of(rule(DROPEQUAL, "__tmp_port", null, "__port1", null)),
            null),
        Arguments.of("dropequal with different values keeps",
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            List.of(rule(DROPEQUAL, "__tmp_port", null, "__port2", null)),
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678")),
        Arguments.of("keepequal with different values drops",
            of("__tmp_port", "1234", "__port1", "1234", "__port2", "5678"),
            List.of(rule(KEEPEQUAL, "__tmp_port", null, "__port2", null)),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prometheusCases")
  void relabelsAsPrometheus(String name, String[] input, List<RelabelRule> rules, String[] expected) {
    String[] before = input.clone();
    String[] out = new Relabeler(rules).apply(input);
    if (expected == null) {
      assertThat(out).as("dropped").isNull();
    } else {
      assertThat(out).containsExactly(expected);
    }
    assertThat(input).as("input untouched").containsExactly(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prometheusCases")
  void planRelabelsAsPrometheus(String name, String[] input, List<RelabelRule> rules, String[] expected) {
    String[] out = PlanRuns.apply(rules, input);
    if (expected == null) {
      assertThat(out).as("dropped").isNull();
    } else {
      assertThat(out).containsExactly(expected);
    }
  }
}

package io.rwgateway.translators.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSetValidatorTest {
  private final LabelSetValidator validator = new LabelSetValidator(new DecodeLimits(1 << 20, 5, 10, 12));
  private final List<String> symbols = new ArrayList<>(List.of(""));

  /** Refs for name, value, name, value, ...; strings are added to the table as they come. */
  private int[] refs(String... labels) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int ref = symbols.indexOf(labels[i]);
      if (ref < 0) {
        ref = symbols.size();
        symbols.add(labels[i]);
      }
      out[i] = ref;
    }
    return out;
  }

  private List<String> validate(String... labels) throws SeriesRejectedException {
    int[] out = validator.validate(refs(labels), labels.length / 2, symbols::get);
    List<String> strings = new ArrayList<>();
    for (int ref : out) {
      strings.add(symbols.get(ref));
    }
    return strings;
  }

  private String rejection(String... labels) {
    try {
      validate(labels);
    } catch (SeriesRejectedException e) {
      return e.reason() + ": " + e.getMessage();
    }
    throw new AssertionError("series was accepted");
  }

  @Test
  void keepsSortedLabelsAsTheyAre() throws Exception {
    assertThat(validate("__name__", "up", "instance", "a:1", "job", "j"))
        .containsExactly("__name__", "up", "instance", "a:1", "job", "j");
  }

  @Test
  void sortsLabelsByName() throws Exception {
    assertThat(validate("job", "j", "__name__", "up", "instance", "a:1"))
        .containsExactly("__name__", "up", "instance", "a:1", "job", "j");
  }

  @Test
  void dropsLabelsWithEmptyValues() throws Exception {
    assertThat(validate("__name__", "up", "empty", "", "job", "j"))
        .containsExactly("__name__", "up", "job", "j");
  }

  @Test
  void doesNotModifyItsInput() throws Exception {
    int[] in = refs("job", "j", "__name__", "up");
    int[] copy = in.clone();

    validator.validate(in, 2, symbols::get);

    assertThat(in).containsExactly(copy);
  }

  @Test
  void sortsNamesInUtf8ByteOrder() throws Exception {
    // U+FF5E sorts before U+1F600 in UTF-8 bytes, after it in UTF-16 chars.
    assertThat(validate("\uD83D\uDE00", "1", "\uFF5E", "2", "__name__", "m"))
        .containsExactly("__name__", "m", "\uFF5E", "2", "\uD83D\uDE00", "1");
  }

  @Test
  void rejectsTooManyLabels() {
    assertThat(rejection("__name__", "m", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5"))
        .isEqualTo("too_many_labels: series has 6 labels, limit 5");
  }

  @Test
  void rejectsAnEmptyName() {
    assertThat(rejection("__name__", "m", "", "v")).startsWith("empty_label_name:");
  }

  @Test
  void rejectsALongName() {
    assertThat(rejection("__name__", "m", "abcdefghijk", "v"))
        .isEqualTo("label_name_too_long: label name of 11 characters, limit 10");
  }

  @Test
  void rejectsALongValue() {
    assertThat(rejection("__name__", "m", "a", "0123456789abc"))
        .isEqualTo("label_value_too_long: value of label a has 13 characters, limit 12");
  }

  @Test
  void rejectsADuplicateNameInSortedInput() {
    assertThat(rejection("__name__", "m", "a", "1", "a", "2")).isEqualTo("duplicate_label: series has label a twice");
  }

  @Test
  void rejectsADuplicateNameInUnsortedInput() {
    assertThat(rejection("b", "1", "__name__", "m", "b", "2")).isEqualTo("duplicate_label: series has label b twice");
  }

  @Test
  void reportsTheFirstDuplicateInSortedOrder() {
    assertThat(rejection("b", "1", "a", "1", "b", "2", "a", "2")).isEqualTo("duplicate_label: series has label a twice");
  }

  @Test
  void ignoresADuplicateWhoseValueIsEmpty() throws Exception {
    assertThat(validate("__name__", "m", "a", "1", "a", "")).containsExactly("__name__", "m", "a", "1");
  }

  @Test
  void rejectsAMissingMetricName() {
    assertThat(rejection("job", "j")).isEqualTo("missing_metric_name: series has no __name__ label");
  }

  @Test
  void rejectsAnEmptyMetricName() {
    assertThat(rejection("__name__", "", "job", "j")).startsWith("missing_metric_name:");
  }

  @Test
  void checksLengthsBeforeDuplicates() {
    assertThat(rejection("a", "1", "a", "2", "abcdefghijk", "v")).startsWith("label_name_too_long:");
  }

  @Test
  void checksLengthsOfLabelsWithEmptyValuesToo() {
    assertThat(rejection("__name__", "m", "abcdefghijk", "")).startsWith("label_name_too_long:");
  }

  @Test
  void checksDuplicatesBeforeTheMetricName() {
    assertThat(rejection("a", "1", "a", "2")).startsWith("duplicate_label:");
  }

  @Test
  void comparesLikeUtf8Bytes() {
    assertThat(LabelSetValidator.compareUtf8("a", "b")).isNegative();
    assertThat(LabelSetValidator.compareUtf8("ab", "a")).isPositive();
    assertThat(LabelSetValidator.compareUtf8("same", "same")).isZero();
    assertThat(LabelSetValidator.compareUtf8("\uD83D\uDE00", "\uFF5E")).isPositive();
    assertThat(LabelSetValidator.compareUtf8("\uFF5E", "\uD83D\uDE00")).isNegative();
  }
}

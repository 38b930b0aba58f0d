package io.rwgateway.translators.codec;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rwgateway.translators.model.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistogramValidatorTest {

  private static void assertValid(TestHistogram h) {
    assertThatCode(() -> HistogramValidator.validate(h.build())).doesNotThrowAnyException();
  }

  private static void assertInvalid(TestHistogram h, String messagePart) {
    assertThatThrownBy(() -> HistogramValidator.validate(h.build()))
        .isInstanceOf(SeriesRejectedException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((SeriesRejectedException) e).reason())
        .isEqualTo("invalid_histogram");
  }

  @Test
  void acceptsValidIntegerFloatAndCustomBucketHistograms() {
    assertValid(TestHistogram.integer());
    assertValid(TestHistogram.floating());
    assertValid(TestHistogram.customBuckets());
  }

  @Test
  void acceptsEmptyHistogram() {
    assertValid(new TestHistogram().count(0));
    assertValid(new TestHistogram().countFloat(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {-4, 0, 8, 9, 30, 52})
  void acceptsExponentialSchemasIncludingReservedOnesPrometheusReduces(int schema) {
    assertValid(TestHistogram.integer().schema(schema));
  }

  @ParameterizedTest
  @ValueSource(ints = {-5, -9, -52, -54, 53, 100, Integer.MIN_VALUE})
  void rejectsSchemasOutsideExponentialAndCustomBuckets(int schema) {
    assertInvalid(TestHistogram.integer().schema(schema), "schema " + schema);
  }

  @Test
  void rejectsSpanLengthsNotMatchingBucketCount() {
    assertInvalid(TestHistogram.integer().positive(new int[] {0, 3}, 1, 1), "positive spans need 3 buckets, histogram has 2");
    assertInvalid(TestHistogram.integer().negative(new int[] {0, 1}, 2, -1), "negative spans need 1 buckets");
    assertInvalid(TestHistogram.floating().positiveCounts(new int[] {0, 1}, 1.0, 2.5, 0.5), "positive spans need 1");
  }

  @Test
  void treatsSpanLengthAsUnsigned() {
    // 0xffffffff is 4294967295 buckets on the wire, not -1: it must not cancel another span out.
    assertInvalid(TestHistogram.integer().count(3).zeroCount(0).negative(null)
        .positive(new int[] {0, 2, 0, -1}, 1, 1), "spans need 4294967297 buckets");
  }

  @Test
  void acceptsNegativeOffsetOnlyInFirstExponentialSpan() {
    assertValid(TestHistogram.integer().positive(new int[] {-5, 2, 1, 2}, 1, 1, -1, 2));
    assertInvalid(TestHistogram.integer().positive(new int[] {0, 2, -1, 2}, 1, 1, -1, 2),
        "positive span 2 has negative offset -1");
  }

  @Test
  void rejectsNegativeAbsoluteBucketCountFromDeltas() {
    // deltas 1, -2 decode to 1, -1.
    assertInvalid(TestHistogram.integer().count(2).zeroCount(2).negative(null)
        .positive(new int[] {0, 2}, 1, -2), "positive bucket 2 has negative count -1");
    assertInvalid(TestHistogram.integer().negative(new int[] {0, 1}, -3), "negative bucket 1 has negative count -3");
  }

  @Test
  void acceptsDeltasThatGoDownButStayNonNegative() {
    assertValid(TestHistogram.integer().count(4).zeroCount(0).negative(null)
        .positive(new int[] {0, 3}, 3, -2, -1));
  }

  @Test
  void rejectsNegativeFloatCounts() {
    assertInvalid(TestHistogram.floating().positiveCounts(new int[] {0, 3}, 1.0, -2.5, 0.5),
        "positive bucket 2 has negative count -2.5");
    assertInvalid(TestHistogram.floating().negativeCounts(new int[] {1, 1}, -0.5), "negative bucket 1");
    assertInvalid(TestHistogram.floating().zeroCountFloat(-1), "zero_count is negative");
    assertInvalid(TestHistogram.floating().countFloat(-6), "count is negative");
  }

  @Test
  void rejectsComplianceBadCountHistogram() {
    // prometheus/compliance bad_count_histogram: count 99, buckets summing to 23.
    TestHistogram h = new TestHistogram().count(99).sum(100).schema(1).zeroThreshold(0.001).zeroCount(3)
        .positive(new int[] {0, 4}, 5, 0, 0, 0); // 5+5+5+5 = 20, plus 3 zero = 23
    assertInvalid(h, "count 99 differs from the 23 observations in the buckets");
  }

  @Test
  void requiresIntegerCountToEqualBucketsExactly() {
    assertInvalid(TestHistogram.integer().count(13), "count 13 differs from the 12");
    assertInvalid(TestHistogram.integer().count(11), "count 11 differs from the 12");
  }

  @Test
  void requiresOnlyCountAtLeastBucketsWhenSumIsNaN() {
    // NaN observations raise count but land in no bucket.
    assertValid(TestHistogram.integer().count(15).sum(Double.NaN));
    assertValid(TestHistogram.integer().count(12).sum(Double.NaN));
    assertInvalid(TestHistogram.integer().count(11).sum(Double.NaN), "count 11 is below the 12");
  }

  @Test
  void doesNotCompareFloatCountWithBucketSumAsPrometheusDoesNot() {
    // 0.1 + 0.2 != 0.3 in binary floating point: an exact check would refuse honest histograms.
    assertValid(new TestHistogram().countFloat(0.3).sum(1).positiveCounts(new int[] {0, 2}, 0.1, 0.2));
    assertValid(TestHistogram.floating().countFloat(100));
  }

  @Test
  void rejectsMixedDeltasAndCounts() {
    assertInvalid(TestHistogram.integer().alsoPositiveCounts(1.0), "integer histogram carries float counts");
    assertInvalid(TestHistogram.integer().zeroCountFloat(1.0), "integer histogram carries float counts");
    assertInvalid(TestHistogram.floating().alsoPositiveDeltas(1), "float histogram carries integer deltas");
    assertInvalid(TestHistogram.floating().zeroCount(1), "float histogram carries integer deltas");
  }

  @Test
  void rejectsCustomValuesOnExponentialSchema() {
    assertInvalid(TestHistogram.integer().customValues(1.0, 2.0), "exponential schema 0 carries custom_values");
  }

  @Test
  void acceptsCustomBucketsWithFloatCounts() {
    assertValid(new TestHistogram().countFloat(3).sum(1).schema(-53).customValues(1.0)
        .positiveCounts(new int[] {0, 2}, 1.0, 2.0));
  }

  @Test
  void rejectsCustomValuesNotStrictlyIncreasing() {
    assertInvalid(TestHistogram.customBuckets().customValues(0.1, 0.1, 1.0), "not strictly increasing at 1");
    assertInvalid(TestHistogram.customBuckets().customValues(0.5, 0.1, 1.0), "not strictly increasing at 1");
  }

  @Test
  void rejectsNaNCustomValue() {
    assertInvalid(TestHistogram.customBuckets().customValues(0.1, Double.NaN, 1.0), "bound 1 is NaN");
  }

  @Test
  void rejectsExplicitPlusInfAsLastCustomValue() {
    assertInvalid(TestHistogram.customBuckets().customValues(0.1, 0.5, Double.POSITIVE_INFINITY), "last custom bucket bound is +Inf");
  }

  @Test
  void requiresCustomValuesToCoverAllSpans() {
    // Spans cover 4 bucket positions: 3 bounds plus the implicit +Inf bucket are just enough.
    assertValid(TestHistogram.customBuckets());
    assertInvalid(TestHistogram.customBuckets().customValues(0.1, 0.5), "spans cover 4 buckets but only 2 custom bounds");
  }

  @Test
  void rejectsNegativeSpanOffsetInCustomBuckets() {
    assertInvalid(TestHistogram.customBuckets().positive(new int[] {-1, 2, 1, 1}, 3, -1, 2), "positive span 1 has negative offset -1");
  }

  @Test
  void rejectsZeroBucketInCustomBuckets() {
    assertInvalid(TestHistogram.customBuckets().zeroCount(1).count(10), "non-zero zero_count");
    assertInvalid(TestHistogram.customBuckets().zeroThreshold(0.001), "non-zero zero_threshold");
  }

  @Test
  void rejectsNegativeSideInCustomBuckets() {
    assertInvalid(TestHistogram.customBuckets().negative(new int[] {0, 1}, 1).count(10), "negative spans");
    assertInvalid(TestHistogram.customBuckets().negative(null, 1).count(10), "negative buckets");
  }

  @Test
  void passesStaleMarkerWhateverItCarries() {
    long staleNaN = 0x7ff0000000000002L;
    assertValid(new TestHistogram().sumBits(staleNaN));
    assertValid(TestHistogram.integer().sumBits(staleNaN).count(99));
    assertValid(TestHistogram.integer().sumBits(staleNaN).schema(99).positive(new int[] {0, 5}, -7));
    assertValid(TestHistogram.floating().sumBits(staleNaN).countFloat(-1));
  }

  @Test
  void doesNotTreatOrdinaryNaNSumAsStaleMarker() {
    assertInvalid(TestHistogram.integer().sumBits(0x7ff8000000000001L).count(11), "count 11 is below");
  }

  @Test
  void validatesEverySchemaKindWithItsOwnRules() {
    Histogram nhcb = TestHistogram.customBuckets().build();
    assertThatCode(() -> HistogramValidator.validate(nhcb)).doesNotThrowAnyException();
    // The same layout with an exponential schema must not carry the bounds.
    assertInvalid(TestHistogram.customBuckets().schema(0), "carries custom_values");
  }
}

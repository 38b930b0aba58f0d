package io.rwgateway.translators.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code le}/quantile text (otlp.md §2.3) and attribute values as label text (§4.6). */
class TextFormattingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "0.005,0.005", "1,1", "1000000,1000000", "0.0001,0.0001", "1e21,1000000000000000000000",
      "2.5,2.5", "0.1,0.1", "1e-7,0.0000001", "-3,-3", "0.3,0.3", "123456.789,123456.789",
      "1e22,10000000000000000000000",
  })
  void leIsTheShortestRoundTripDecimalNeverInExponentForm(double v, String want) {
    assertThat(NumberText.plain(v)).isEqualTo(want);
  }

  @Test
  void leOfSpecialValues() {
    assertThat(NumberText.plain(-0.0)).isEqualTo("-0");
    assertThat(NumberText.plain(0.0)).isEqualTo("0");
    assertThat(NumberText.plain(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(NumberText.plain(2e23)).isEqualTo("200000000000000000000000"); // JDK 17 toString: 1.9999999999999998E23
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"3.14,3.14", "100,100", "1e21,1e+21", "1e-7,1e-7", "1.5e-7,1.5e-7", "0.000001,0.000001",
      "-2.5e30,-2.5e+30", "123456789012345680000,123456789012345680000"})
  void doubleAttributesUseTheJsonLayout(double v, String want) {
    assertThat(AttributeText.of(AnyValue.newBuilder().setDoubleValue(v).build())).isEqualTo(want);
  }

  @Test
  void nonStringAttributeValues() {
    assertThat(AttributeText.of(AnyValue.newBuilder().setBoolValue(true).build())).isEqualTo("true");
    assertThat(AttributeText.of(AnyValue.newBuilder().setIntValue(-42).build())).isEqualTo("-42");
    assertThat(AttributeText.of(AnyValue.newBuilder().setDoubleValue(Double.NaN).build())).isEqualTo("NaN");
    assertThat(AttributeText.of(AnyValue.newBuilder().setDoubleValue(Double.NEGATIVE_INFINITY).build()))
        .isEqualTo("-Infinity");
    assertThat(AttributeText.of(AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("hi!")).build()))
        .isEqualTo("aGkh");
    assertThat(AttributeText.of(AnyValue.getDefaultInstance())).isEmpty();
    AnyValue array = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
        .addValues(AnyValue.newBuilder().setStringValue("a"))
        .addValues(AnyValue.newBuilder().setIntValue(1))
        .addValues(AnyValue.newBuilder().setBoolValue(true))
        .addValues(AnyValue.newBuilder().setDoubleValue(1.5))
        .addValues(AnyValue.getDefaultInstance())).build();
    assertThat(AttributeText.of(array)).isEqualTo("[\"a\",1,true,1.5,null]");
    AnyValue map = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(Otlp.str("z", "<&>"))
        .addValues(Otlp.kv("a", AnyValue.newBuilder().setIntValue(2).build()))).build();
    assertThat(AttributeText.of(map)).isEqualTo("{\"a\":2,\"z\":\"\\u003c\\u0026\\u003e\"}");
  }
}

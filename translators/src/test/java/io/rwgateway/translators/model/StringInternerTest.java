package io.rwgateway.translators.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringInternerTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void returnsTheSameInstanceForEqualBytesAnywhere() {
    StringInterner interner = new StringInterner();
    byte[] a = utf8("xxjobyy");
    byte[] b = utf8("job");

    String first = interner.intern(a, 2, 3);

    assertThat(first).isEqualTo("job");
    assertThat(interner.intern(b, 0, 3)).isSameAs(first);
    assertThat(interner.hits()).isEqualTo(1);
    assertThat(interner.misses()).isEqualTo(1);
  }

  @Test
  void tellsApartEveryPrefixOfALongString() {
    // Covers every tail length of a hash that may read several bytes at a time.
    StringInterner interner = new StringInterner();
    String text = "kube_pod_container_status_restarts_total{namespace=\"payments\"}";
    byte[] bytes = utf8(text);
    List<String> first = new ArrayList<>();
    for (int len = 0; len <= bytes.length; len++) {
      first.add(interner.intern(bytes, 0, len));
    }
    for (int len = 0; len <= bytes.length; len++) {
      assertThat(first.get(len)).isEqualTo(text.substring(0, len));
      assertThat(interner.intern(utf8(text.substring(0, len)), 0, len)).isSameAs(first.get(len));
    }
    assertThat(interner.size()).isEqualTo(bytes.length); // "" is not stored
  }

  @Test
  void tellsApartStringsThatDifferInOneByte() {
    StringInterner interner = new StringInterner();
    for (int len = 1; len <= 24; len++) {
      for (int at = 0; at < len; at++) {
        byte[] a = new byte[len];
        byte[] b = new byte[len];
        java.util.Arrays.fill(a, (byte) 'a');
        java.util.Arrays.fill(b, (byte) 'a');
        b[at] = 'b';
        assertThat(interner.intern(a, 0, len)).isNotEqualTo(interner.intern(b, 0, len));
      }
    }
  }

  @Test
  void keepsManyStringsAcrossGrowth() {
    StringInterner interner = new StringInterner();
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      first.add(interner.intern(utf8("pod-" + i), 0, utf8("pod-" + i).length));
    }
    for (int i = 0; i < 5000; i++) {
      byte[] b = utf8("pod-" + i);
      assertThat(interner.intern(b, 0, b.length)).isSameAs(first.get(i)).isEqualTo("pod-" + i);
    }
    assertThat(interner.size()).isEqualTo(5000);
  }

  @Test
  void returnsTheEmptyStringForAnEmptySlice() {
    assertThat(new StringInterner().intern(new byte[0], 0, 0)).isEmpty();
  }

  @Test
  void refusesInvalidUtf8AndDoesNotKeepIt() {
    StringInterner interner = new StringInterner();
    byte[] bad = {'a', (byte) 0xc3, 'b'};

    assertThat(interner.intern(bad, 0, 3)).isNull();
    assertThat(interner.intern(bad, 0, 3)).isNull();
    assertThat(interner.size()).isZero();
  }

  @Test
  void decodesButDoesNotKeepLongSlices() {
    StringInterner interner = new StringInterner(100, 4);
    byte[] b = utf8("toolong");

    String s = interner.intern(b, 0, b.length);

    assertThat(s).isEqualTo("toolong");
    assertThat(interner.intern(b, 0, b.length)).isNotSameAs(s).isEqualTo(s);
    assertThat(interner.size()).isZero();
  }

  @Test
  void startsAgainWhenFullAndKeepsHandedOutStringsValid() {
    StringInterner interner = new StringInterner(3, 64);
    String a = interner.intern(utf8("a"), 0, 1);
    interner.intern(utf8("b"), 0, 1);
    interner.intern(utf8("c"), 0, 1);

    String d = interner.intern(utf8("d"), 0, 1);

    assertThat(interner.size()).isEqualTo(1);
    assertThat(a).isEqualTo("a");
    assertThat(d).isEqualTo("d");
    assertThat(interner.intern(utf8("a"), 0, 1)).isEqualTo("a").isNotSameAs(a);
  }
}

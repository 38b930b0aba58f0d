package io.rwgateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void splitsHostAndPort() {
    assertThat(ListenAddress.parse("0.0.0.0:9201")).isEqualTo(new ListenAddress("0.0.0.0", 9201));
    assertThat(ListenAddress.parse("localhost:0")).isEqualTo(new ListenAddress("localhost", 0));
    assertThat(ListenAddress.parse("gw-1.internal_net:65535")).isEqualTo(new ListenAddress("gw-1.internal_net", 65535));
  }

  @Test
  void takesIpv6InBrackets() {
    assertThat(ListenAddress.parse("[::1]:9201")).isEqualTo(new ListenAddress("::1", 9201));
    assertThat(ListenAddress.parse("[::]:9201")).isEqualTo(new ListenAddress("::", 9201));
  }

  @Test
  void emptyHostMeansEveryInterface() {
    assertThat(ListenAddress.parse(":9201")).isEqualTo(new ListenAddress("0.0.0.0", 9201));
  }

  @Test
  void rejectsMalformedAddresses() {
    assertThatThrownBy(() -> ListenAddress.parse("9201"))
        .hasMessage("must be host:port (e.g. 0.0.0.0:9201 or [::1]:9201), got '9201'");
    assertThatThrownBy(() -> ListenAddress.parse("::1:9201"))
        .hasMessage("must put an IPv6 host in brackets (e.g. 0.0.0.0:9201 or [::1]:9201), got '::1:9201'");
    assertThatThrownBy(() -> ListenAddress.parse("[nope]:9201"))
        .hasMessage("must have an IPv6 address in brackets, got '[nope]:9201'");
    assertThatThrownBy(() -> ListenAddress.parse("bad host:1"))
        .hasMessage("must be host:port with a host name or IP address, got 'bad host:1'");
  }

  @Test
  void rejectsPortsOutsideZeroTo65535() {
    for (String bad : new String[] {"h:", "h:65536", "h:-1", "h:http", "h:123456"}) {
      assertThatThrownBy(() -> ListenAddress.parse(bad))
          .as(bad)
          .hasMessage("must end with a port from 0 to 65535, got '" + bad + "'");
    }
  }
}

using Governance.Platform.Web;

namespace Governance.Platform.Tests;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ASVS_2_2_1_an_ipv6_client_is_limited_by_its_64_not_each_address_it_can_take(string address, string key)
        => Assert.Equal(key, ClientAddress.LimitKey(address));
}

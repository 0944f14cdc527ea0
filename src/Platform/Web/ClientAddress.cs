using System.Net;
using System.Net.Sockets;

namespace Governance.Platform.Web;

/// <summary>What per-address limits count by: an IPv4 address, or an IPv6 /64 (one household or host gets a whole /64).</summary>
public static class ClientAddress
{
    public static string LimitKey(string? address)
        => IPAddress.TryParse(address, out var ip) ? LimitKey(ip) : address ?? "";

    public static string LimitKey(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}

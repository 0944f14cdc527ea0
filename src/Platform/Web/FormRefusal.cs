using System.Globalization;

namespace Governance.Platform.Web;

/// <summary>
/// On a page model: the page answers a refused form itself, reading <see cref="FormRefusal"/> from the request's
/// features and saving nothing, so the resident gets the form back with the reason instead of a bare 429.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShowsFormRefusalAttribute : Attribute;

/// <summary>Why a public form was refused: too many sent from this address this hour.</summary>
public sealed record FormRefusal(int PerHour, TimeSpan RetryAfter)
{
    public string Explanation
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
            var wait = minutes == 1 ? "a minute" : $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";
            return $"Your form was not sent. We accept at most {PerHour.ToString(CultureInfo.InvariantCulture)} forms an hour "
                + $"from one internet address, to keep out automated sending, and that many have come from yours. "
                + $"Please try again in {wait}.";
        }
    }
}

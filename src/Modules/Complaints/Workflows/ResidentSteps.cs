namespace Governance.Complaints.Workflows;

/// <summary>
/// Steps only the resident takes, through their tracking link: staff never take them on the resident's behalf. The case
/// team may go on without the resident's answer, with a written reason (information_overdue).
/// </summary>
internal static class ResidentSteps
{
    public const string InformationReceived = "information_received";

    public static bool Contains(string action) => action == InformationReceived;
}

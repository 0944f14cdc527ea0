namespace Governance.Elections.Domain;

internal sealed record ChecklistStep(string Code, string Title, string Guidance);

/// <summary>
/// R11 (Toronto bulletin 13; AMO 6.2): what a member must do before filing nomination papers to use a
/// City-resourced account for their campaign. In plain words; the codes follow the bulletin's lettering.
/// </summary>
internal static class ScrubbingChecklist
{
    public static IReadOnlyList<ChecklistStep> Steps { get; } =
    [
        new("a", "Consult the Integrity Commissioner",
            "Tell the Integrity Commissioner how you will carry out the steps below, before you start."),
        new("b", "Stop City-paid publications that show the account",
            "Stop producing or handing out anything paid by the City (business cards, newsletters) that shows the account's name or handle."),
        new("c.i", "Remove the City and your title from the account",
            "Take references to the City, City logos or images and your title out of the handle, the user name and the profile description."),
        new("c.ii", "No City e-mail or phone in the registration",
            "Make sure the account is not registered with a City e-mail address or City phone number."),
        new("c.iii", "Remove the account from websites",
            "Remove all references to the account from your member website and the City's website."),
        new("c.iv", "Tell staff and volunteers",
            "Tell your staff and volunteers that no City resources may be used for the account, and keep monitoring that."),
        new("c.v", "Tell your followers",
            "Post that the account is now for your re-election campaign, and give another contact for constituency services."),
        new("c.vi", "Label the account as not official",
            "Say in the profile that the account is not an official City account."),
    ];

    public static ChecklistStep? Find(string code) => Steps.FirstOrDefault(s => s.Code == code);
}

namespace Inbox.Grains;

/// <summary>What grains do with their Orleans reminders beyond registering them.</summary>
internal static class GrainReminders
{
    /// <summary>Unregisters the grain's reminder named <paramref name="name"/>, if it has one.</summary>
    public static async Task ForgetReminderAsync(this IGrainBase grain, string name)
    {
        if (await grain.GetReminder(name) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}

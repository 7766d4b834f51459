namespace ForumManager.Web.Infrastructure;

/// <summary>
/// What an irreversible action will do, asked before it is done: the first post of such an action only shows this
/// (the shared _Confirm partial, or the same text in a dialog when scripts run); the post that repeats the form with
/// <c>confirm=true</c> does it.
/// </summary>
/// <param name="Question">The action as a question, naming who or what it touches.</param>
/// <param name="Consequences">What follows from it, with the real figures (who is mailed, who gets the place).</param>
/// <param name="ConfirmLabel">The words on the button that does it.</param>
/// <param name="BackUrl">Where "Back" leads without doing anything.</param>
public sealed record ConfirmStep(string Question, IReadOnlyList<string> Consequences, string ConfirmLabel, string BackUrl)
{
    /// <summary>The form field the confirming post carries.</summary>
    public const string Field = "confirm";
}

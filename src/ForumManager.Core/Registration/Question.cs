namespace ForumManager.Core.Registration;

/// <summary>A question an organizer adds to one edition's registration form, asked in English and Chinese.</summary>
public sealed class Question
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public QuestionKind Kind { get; set; }
    public required string TextEn { get; set; }
    public required string TextZh { get; set; }
    public bool Required { get; set; }

    /// <summary>Where the question comes on the form, smallest first.</summary>
    public int Position { get; set; }

    /// <summary>A retired question keeps the answers already given but is no longer asked.</summary>
    public bool Retired { get; set; }

    public List<QuestionChoice> Choices { get; set; } = [];

    public string Text(bool chinese) => chinese ? TextZh : TextEn;

    public bool HasChoices => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
}

public sealed class QuestionChoice
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string TextEn { get; set; }
    public required string TextZh { get; set; }
    public int Position { get; set; }

    public string Text(bool chinese) => chinese ? TextZh : TextEn;
}

/// <summary>
/// One delegate's answer to one question: the text, "yes" or "no", or a choice. A multiple-choice answer is one row per
/// choice ticked, so that lists can filter on any of them with an index.
/// </summary>
public sealed class DelegateAnswer
{
    public const string Yes = "yes";
    public const string No = "no";

    public int Id { get; set; }
    public int DelegateId { get; set; }
    public int QuestionId { get; set; }
    public Question? Question { get; set; }
    public string? Text { get; set; }
    public int? ChoiceId { get; set; }
    public QuestionChoice? Choice { get; set; }
}

public enum QuestionKind
{
    Text = 0,
    SingleChoice = 1,
    MultipleChoice = 2,
    YesNo = 3,
}

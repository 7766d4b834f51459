using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Programme;

namespace ForumManager.Features.Programme;

/// <summary>One session as the programme editor takes it: what, when (forum time), where, who.</summary>
public sealed class SessionInput
{
    public const int MaxMinutes = 24 * 60;

    [Display(Name = "Programme_Type")]
    public SessionType Type { get; set; } = SessionType.SpecialTopicForum;

    [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_TitleEn")]
    public string TitleEn { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_TitleZh")]
    public string TitleZh { get; set; } = string.Empty;

    [StringLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_AbstractEn")]
    public string? AbstractEn { get; set; }

    [StringLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_AbstractZh")]
    public string? AbstractZh { get; set; }

    [Display(Name = "Programme_Track")]
    public int? TrackId { get; set; }

    [Display(Name = "Programme_Room")]
    public int? RoomId { get; set; }

    [Required(ErrorMessage = "Validation_Required"), Display(Name = "Programme_Day")]
    public DateOnly? Day { get; set; }

    [Required(ErrorMessage = "Validation_Required"), Display(Name = "Programme_Start")]
    public TimeOnly? Start { get; set; }

    [Range(5, MaxMinutes, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Minutes")]
    public int Minutes { get; set; } = 60;

    [Range(1, 100_000, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Capacity")]
    public int? Capacity { get; set; }

    [Range(1, 100_000, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Expected")]
    public int? ExpectedAttendance { get; set; }

    [RegularExpression("^[a-z]{2,3}(-[A-Za-z]{2,4})?(,[a-z]{2,3}(-[A-Za-z]{2,4})?)*$", ErrorMessage = "Programme_LanguagesFormat"), Display(Name = "Programme_Languages")]
    public string Languages { get; set; } = "zh,en";

    [Display(Name = "Programme_Interpretation")]
    public InterpretationMode Interpretation { get; set; }

    [RegularExpression("^[a-z]{2,3}-[a-z]{2,3}$", ErrorMessage = "Programme_PairFormat"), Display(Name = "Programme_InterpretationLanguages")]
    public string? InterpretationLanguages { get; set; }

    [Display(Name = "Programme_Public")]
    public bool IsPublic { get; set; } = true;

    public List<string> Speakers { get; set; } = [];
    public List<string> Moderators { get; set; } = [];
    public List<string> Participants { get; set; } = [];
    public List<string> Interpreters { get; set; } = [];
}

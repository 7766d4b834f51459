using System.ComponentModel.DataAnnotations;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;

namespace ForumManager.Web.Pages.Me;

/// <summary>Someone a delegate enters for another person: the names as in the passport, their own address and language.</summary>
public abstract class PersonInput
{
    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Honorific")]
    public string? Honorific { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FamilyName")]
    public string FamilyName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_GivenName")]
    public string GivenName { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NativeName")]
    public string? NativeName { get; set; }

    [Required(ErrorMessage = "Validation_Required"), StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^(en|zh-Hans|ru|fr|ar|ja|ko|es|de|pt)$", ErrorMessage = "Validation_Language")]
    [Display(Name = "Field_PreferredLanguage")]
    public string PreferredLanguage { get; set; } = UiLanguage.Code;
}

/// <summary>A member added by the head of a delegation.</summary>
public sealed class MemberInput : PersonInput
{
    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Position")]
    public string? Position { get; set; }
}

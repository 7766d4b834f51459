using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Delegates;
using ForumManager.Features.Text;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Registration;

/// <summary>What the registration form asks. Checks that need more than one field live in the page model.</summary>
public sealed class RegistrationInput
{
    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_FamilyName")]
    public string FamilyName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(100, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_GivenName")]
    public string GivenName { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_NativeName")]
    public string? NativeName { get; set; }

    // Optional and never preselected: a default honorific put "Mr" before women's names.
    [StringLength(40, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Honorific")]
    public string? Honorific { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Position")]
    public string? Position { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Organization")]
    public string? Organization { get; set; }

    [Display(Name = "Field_Delegation")]
    public int? DelegationId { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [Display(Name = "Field_Country")]
    public string CountryCode { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(256, ErrorMessage = "Validation_MaxLength")]
    [EmailAddress(ErrorMessage = "Validation_Email")]
    [Display(Name = "Field_Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(32, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_Phone")]
    public string Phone { get; set; } = string.Empty;

    [Display(Name = "Field_Gender")]
    public Gender? Gender { get; set; }

    [Required(ErrorMessage = "Validation_Required")]
    [RegularExpression("^(en|zh-Hans|ru|fr|ar|ja|ko|es|de|pt)$", ErrorMessage = "Validation_Language")]
    [Display(Name = "Field_PreferredLanguage")]
    public string PreferredLanguage { get; set; } = UiLanguage.Code;

    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_DietaryNeeds")]
    public string? DietaryNeeds { get; set; }

    [StringLength(500, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_AccessibilityNeeds")]
    public string? AccessibilityNeeds { get; set; }

    [Display(Name = "Field_InterpretationLanguage")]
    public string? InterpretationLanguage { get; set; }

    [Display(Name = "Field_NeedsVisaLetter")]
    public bool NeedsVisaLetter { get; set; }

    [StringLength(20, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_PassportNumber")]
    public string? PassportNumber { get; set; }

    [Display(Name = "Field_Nationality")]
    public string? Nationality { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Field_DateOfBirth")]
    public DateOnly? DateOfBirth { get; set; }

    [DataType(DataType.Date)]
    [Display(Name = "Field_PassportExpiry")]
    public DateOnly? PassportExpiry { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [Display(Name = "Field_PassportPlaceOfIssue")]
    public string? PassportPlaceOfIssue { get; set; }

    [StringLength(200, ErrorMessage = "Validation_MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field_Password")]
    public string? Password { get; set; }

    [DataType(DataType.Password)]
    [Display(Name = "Field_ConfirmPassword")]
    [Compare(nameof(Password), ErrorMessage = "Validation_PasswordsDiffer")]
    public string? ConfirmPassword { get; set; }

    [Display(Name = "Field_Consent")]
    public bool Consent { get; set; }

    /// <summary>Answers to the organizers' own questions, one per question asked, in their order.</summary>
    public List<AnswerInput> Answers { get; set; } = [];
}

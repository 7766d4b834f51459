using System.ComponentModel.DataAnnotations;

namespace ForumManager.Features.Logistics;

/// <summary>What a venue and a hotel both have on their forms: a name and an address in both languages, and a map link.</summary>
public class PlaceInput
{
    [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameEn")]
    public string NameEn { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation_Required"), StringLength(200, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_NameZh")]
    public string NameZh { get; set; } = string.Empty;

    [StringLength(400, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_AddressEn")]
    public string? AddressEn { get; set; }

    [StringLength(400, ErrorMessage = "Validation_MaxLength"), Display(Name = "Hotels_AddressZh")]
    public string? AddressZh { get; set; }

    [Url(ErrorMessage = "Validation_Url"), StringLength(500, ErrorMessage = "Validation_MaxLength"), Display(Name = "Venues_MapUrl")]
    public string? MapUrl { get; set; }
}

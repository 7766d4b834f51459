using ForumManager.Core.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class PartnerCityConfiguration : IEntityTypeConfiguration<PartnerCity>
{
    public void Configure(EntityTypeBuilder<PartnerCity> builder)
    {
        builder.Property(c => c.NameEn).HaveLength(200);
        builder.Property(c => c.NameZh).HaveLength(200);
        builder.Property(c => c.NameLocal).HaveLength(200);
        builder.Property(c => c.CountryCode).HasMaxLength(2).IsUnicode(false).IsFixedLength();
        builder.Property(c => c.HunanPartnerEn).HaveLength(200);
        builder.Property(c => c.HunanPartnerZh).HaveLength(200);
        builder.HasIndex(c => new { c.NameEn, c.CountryCode, c.HunanPartnerEn }).IsUnique();
        builder.HasIndex(c => c.CountryCode);
    }
}

using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> builder)
    {
        builder.Property(f => f.Acronym).HaveLength(32);
        builder.HasIndex(f => f.Acronym).IsUnique();
        builder.Property(f => f.NameEn).HaveLength(300);
        builder.Property(f => f.NameZh).HaveLength(300);
        builder.Property(f => f.ThemeEn).HaveLength(300);
        builder.Property(f => f.HostEn).HaveLength(300);
        builder.Property(f => f.HostZh).HaveLength(300);
        builder.Property(f => f.SignatoryNameEn).HaveLength(200);
        builder.Property(f => f.SignatoryNameZh).HaveLength(200);
        builder.Property(f => f.SignatoryTitleEn).HaveLength(300);
        builder.Property(f => f.SignatoryTitleZh).HaveLength(300);
        builder.Property(f => f.ThemeZh).HaveLength(300);
        builder.Property(f => f.PlaceEn).HaveLength(200);
        builder.Property(f => f.PlaceZh).HaveLength(200);
        builder.Property(f => f.TimeZoneId).HaveLength(64);
        builder.Property(f => f.FurtherLanguages).HasMaxLength(100).IsUnicode(false);
        builder.HasOne<Forum>().WithMany().HasForeignKey(f => f.ClonedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(f => f.TimeZone);
        builder.ToTable(t =>
        {
            // The database, not the code, keeps the place count within the capacity.
            t.HasCheckConstraint("CK_Forums_PlacesTaken", "PlacesTaken >= 0 AND (Capacity IS NULL OR PlacesTaken <= Capacity)");
            t.HasCheckConstraint("CK_Forums_RetentionDays", "RetentionDays >= 0");
        });
        builder.HasIndex(f => f.StartDate);
    }
}

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.Property(v => v.NameEn).HaveLength(200);
        builder.Property(v => v.NameZh).HaveLength(200);
        builder.Property(v => v.AddressEn).HaveLength(400);
        builder.Property(v => v.AddressZh).HaveLength(400);
        builder.Property(v => v.MapUrl).HaveLength(500);
        builder.HasOne<Forum>().WithMany().HasForeignKey(v => v.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Rooms).WithOne(r => r.Venue).HasForeignKey(r => r.VenueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.Property(r => r.NameEn).HaveLength(200);
        builder.Property(r => r.NameZh).HaveLength(200);
        builder.HasIndex(r => new { r.ForumId, r.VenueId });
        builder.Property(r => r.Equipment).HaveLength(500);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Rooms_Capacity", "Capacity >= 0");
            t.HasCheckConstraint("CK_Rooms_Booths", "InterpretationBooths >= 0 AND InterpretationBooths <= 20");
        });
    }
}

internal sealed class ContentTranslationConfiguration : IEntityTypeConfiguration<Core.Languages.ContentTranslation>
{
    public void Configure(EntityTypeBuilder<Core.Languages.ContentTranslation> builder)
    {
        builder.Property(t => t.Field).HasMaxLength(40).IsUnicode(false);
        builder.Property(t => t.Language).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.Value).HaveLength(20000);
        builder.Property(t => t.SourceHash).HasMaxLength(16).IsUnicode(false);
        builder.Property(t => t.UpdatedBy).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.ForumId, t.Language, t.Field, t.ItemId }).IsUnique();
    }
}

using ForumManager.Core.Accreditation;
using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class DelegatePhotoConfiguration : IEntityTypeConfiguration<DelegatePhoto>
{
    public void Configure(EntityTypeBuilder<DelegatePhoto> builder)
    {
        builder.Property(p => p.RefusalReason).HaveLength(PhotoRules.MaxReasonLength);
        builder.Property(p => p.UploadedBy).HaveLength(256);
        builder.Property(p => p.ReviewedBy).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.NoAction);

        // One photo per person: two uploads at once leave one row, the later one's.
        builder.HasIndex(p => p.DelegateId).IsUnique();

        // The review queue lists an edition's pending photos, oldest first.
        builder.HasIndex(p => new { p.ForumId, p.Status, p.UploadedUtc });
    }
}


// The forum's delete reaches a zone's checkpoints, grants and presences through the zone; SQL Server allows one cascade
// path to a row, so their own links to the forum and to delegates take no action.
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.Property(z => z.Code).HasMaxLength(2).IsUnicode(false);
        builder.Property(z => z.NameEn).HaveLength(200);
        builder.Property(z => z.NameZh).HaveLength(200);
        builder.HasOne<Forum>().WithMany().HasForeignKey(z => z.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Room>().WithMany().HasForeignKey(z => z.RoomId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasIndex(z => new { z.ForumId, z.Code }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Zones_Capacity", "Capacity IS NULL OR Capacity >= 0"));
    }
}

internal sealed class ZoneCheckpointConfiguration : IEntityTypeConfiguration<ZoneCheckpoint>
{
    public void Configure(EntityTypeBuilder<ZoneCheckpoint> builder)
    {
        builder.Property(c => c.NameEn).HaveLength(200);
        builder.Property(c => c.NameZh).HaveLength(200);
        builder.HasOne(c => c.Zone).WithMany().HasForeignKey(c => c.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(c => c.ForumId);
    }
}

internal sealed class ZoneGrantConfiguration : IEntityTypeConfiguration<ZoneGrant>
{
    public void Configure(EntityTypeBuilder<ZoneGrant> builder)
    {
        builder.HasOne<Zone>().WithMany().HasForeignKey(g => g.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(g => g.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(g => new { g.ForumId, g.Category });
    }
}

internal sealed class DelegateZoneConfiguration : IEntityTypeConfiguration<DelegateZone>
{
    public void Configure(EntityTypeBuilder<DelegateZone> builder)
    {
        builder.HasOne<Zone>().WithMany().HasForeignKey(d => d.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(d => d.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(d => new { d.DelegateId, d.ZoneId }).IsUnique();
    }
}

internal sealed class ZonePresenceConfiguration : IEntityTypeConfiguration<ZonePresence>
{
    public void Configure(EntityTypeBuilder<ZonePresence> builder)
    {
        builder.HasOne<Zone>().WithMany().HasForeignKey(p => p.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.NoAction);

        // One row per person and zone: two desks scanning the same entry at once update it rather than count twice.
        builder.HasIndex(p => new { p.DelegateId, p.ZoneId }).IsUnique();
        builder.HasIndex(p => new { p.ZoneId, p.Inside });
    }
}

internal sealed class RevokedTokenConfiguration : IEntityTypeConfiguration<RevokedToken>
{
    public void Configure(EntityTypeBuilder<RevokedToken> builder)
    {
        builder.Property(t => t.Token).HasMaxLength(32).IsUnicode(false);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(t => t.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(t => new { t.ForumId, t.Token });
    }
}

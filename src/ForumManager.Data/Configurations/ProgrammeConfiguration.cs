using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.Property(t => t.NameEn).HaveLength(200);
        builder.Property(t => t.NameZh).HaveLength(200);
        builder.Property(t => t.Color).HaveLength(16);
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.TitleEn).HaveLength(300);
        builder.Property(s => s.TitleZh).HaveLength(300);
        builder.Property(s => s.AbstractEn).HaveLength(4000);
        builder.Property(s => s.AbstractZh).HaveLength(4000);
        builder.Property(s => s.Languages).HaveLength(64);
        builder.Ignore(s => s.Duration);
        builder.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Track).WithMany().HasForeignKey(s => s.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Room).WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ForumId, s.StartUtc });
        builder.HasIndex(s => new { s.RoomId, s.StartUtc });
        builder.ToTable(t => t.HasCheckConstraint("CK_Sessions_EndAfterStart", "EndUtc > StartUtc"));
    }
}

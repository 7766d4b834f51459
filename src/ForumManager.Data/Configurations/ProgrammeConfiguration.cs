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
        builder.Property(s => s.InterpretationLanguages).HasMaxLength(32).IsUnicode(false);
        builder.HasMany(s => s.People).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Track).WithMany().HasForeignKey(s => s.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Room).WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ForumId, s.StartUtc });
        builder.HasIndex(s => new { s.RoomId, s.StartUtc });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Sessions_EndAfterStart", "EndUtc > StartUtc");
            t.HasCheckConstraint("CK_Sessions_Enrolled", "EnrolledCount >= 0 AND (Capacity IS NULL OR EnrolledCount <= Capacity)");
        });
    }
}

internal sealed class GuestConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> builder)
    {
        builder.Property(g => g.NameEn).HaveLength(200);
        builder.Property(g => g.NameZh).HaveLength(200);
        builder.Property(g => g.TitleEn).HaveLength(200);
        builder.Property(g => g.TitleZh).HaveLength(200);
        builder.Property(g => g.Organization).HaveLength(200);
        builder.Property(g => g.LanguagePairs).HasMaxLength(128).IsUnicode(false);
        builder.HasOne<Core.Protocol.HostDepartment>().WithMany().HasForeignKey(g => g.HostDepartmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Forum>().WithMany().HasForeignKey(g => g.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.ForumId, g.NameEn });
    }
}

internal sealed class SessionPersonConfiguration : IEntityTypeConfiguration<SessionPerson>
{
    public void Configure(EntityTypeBuilder<SessionPerson> builder)
    {
        builder.Ignore(p => p.Key);
        builder.Property(p => p.SpeakingLanguage).HasMaxLength(16).IsUnicode(false);
        builder.ToTable(t => t.HasCheckConstraint("CK_SessionPeople_SpeakingMinutes", "SpeakingMinutes IS NULL OR (SpeakingMinutes >= 1 AND SpeakingMinutes <= 240)"));

        // A delegate's or guest's part goes when they do; SQL Server takes one cascade path, so these two restrict.
        builder.HasOne<ForumManager.Core.Delegates.Delegate>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Guest).WithMany().HasForeignKey(p => p.GuestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SessionId, p.Role, p.DelegateId, p.GuestId }).IsUnique();
        builder.HasIndex(p => p.DelegateId);
        builder.HasIndex(p => p.GuestId);
        builder.ToTable(t => t.HasCheckConstraint("CK_SessionPeople_OnePerson",
            "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)"));
    }
}

internal sealed class VenueTravelTimeConfiguration : IEntityTypeConfiguration<VenueTravelTime>
{
    public void Configure(EntityTypeBuilder<VenueTravelTime> builder)
    {
        builder.HasOne<Forum>().WithMany().HasForeignKey(t => t.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Venue>().WithMany().HasForeignKey(t => t.FromVenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Venue>().WithMany().HasForeignKey(t => t.ToVenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.ForumId, t.FromVenueId, t.ToVenueId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_VenueTravelTimes_Minutes", "Minutes >= 0 AND Minutes <= 1440"));
    }
}

internal sealed class ProgrammeReleaseConfiguration : IEntityTypeConfiguration<ProgrammeRelease>
{
    public void Configure(EntityTypeBuilder<ProgrammeRelease> builder)
    {
        builder.Property(r => r.PublishedBy).HaveLength(256);
        builder.Property(r => r.Changelog).HaveLength(4000);
        builder.HasOne<Forum>().WithMany().HasForeignKey(r => r.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ForumId, r.Version }).IsUnique();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.HasOne(e => e.Session).WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ForumManager.Core.Delegates.Delegate>().WithMany().HasForeignKey(e => e.DelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.SessionId, e.DelegateId }).IsUnique();
        builder.HasIndex(e => new { e.SessionId, e.Status, e.CreatedUtc });
        builder.HasIndex(e => e.DelegateId);
    }
}

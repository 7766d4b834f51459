using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

// The forum's delete reaches a session's seating through the session and a meeting's people through the meeting; SQL
// Server allows one cascade path to a row, so their other links take no action.
internal sealed class SeatLayoutConfiguration : IEntityTypeConfiguration<SeatLayout>
{
    public void Configure(EntityTypeBuilder<SeatLayout> builder)
    {
        builder.Property(l => l.NameEn).HaveLength(200);
        builder.Property(l => l.NameZh).HaveLength(200);
        builder.HasOne<Forum>().WithMany().HasForeignKey(l => l.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Room>().WithMany().HasForeignKey(l => l.RoomId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(l => new { l.RoomId, l.NameEn }).IsUnique();
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_SeatLayouts_Tables", $"Tables >= 1 AND Tables <= {SeatLayoutRules.MaxTables}");
            t.HasCheckConstraint("CK_SeatLayouts_Seats", $"SeatsPerTable >= 1 AND SeatsPerTable <= {SeatLayoutRules.MaxSeatsPerTable}");
            t.HasCheckConstraint("CK_SeatLayouts_HeadSeats", $"HeadSeats >= 0 AND HeadSeats <= {SeatLayoutRules.MaxHeadSeats}");
        });
    }
}

internal sealed class SessionSeatingConfiguration : IEntityTypeConfiguration<SessionSeating>
{
    public void Configure(EntityTypeBuilder<SessionSeating> builder)
    {
        builder.HasOne<Session>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Layout).WithMany().HasForeignKey(s => s.LayoutId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(s => s.HostDelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Guest>().WithMany().HasForeignKey(s => s.HostGuestId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.SessionId).IsUnique();
        builder.HasIndex(s => s.LayoutId);
        builder.ToTable(t => t.HasCheckConstraint("CK_SessionSeatings_OneHost", "HostDelegateId IS NULL OR HostGuestId IS NULL"));
    }
}

internal sealed class ReservedSeatConfiguration : IEntityTypeConfiguration<ReservedSeat>
{
    public void Configure(EntityTypeBuilder<ReservedSeat> builder)
    {
        builder.Property(r => r.Note).HaveLength(200);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(r => r.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => new { r.SessionId, r.Table, r.Seat }).IsUnique();
    }
}

internal sealed class SeatAssignmentConfiguration : IEntityTypeConfiguration<SeatAssignment>
{
    public void Configure(EntityTypeBuilder<SeatAssignment> builder)
    {
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Forum>().WithMany().HasForeignKey(a => a.ForumId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(a => a.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Guest>().WithMany().HasForeignKey(a => a.GuestId).OnDelete(DeleteBehavior.NoAction);

        // A seat holds one person, and a person holds one seat in a session: the database says so, not a check before saving.
        builder.HasIndex(a => new { a.SessionId, a.Table, a.Seat, a.Behind }).IsUnique();
        builder.HasIndex(a => new { a.SessionId, a.DelegateId }).IsUnique();
        builder.HasIndex(a => new { a.SessionId, a.GuestId }).IsUnique();
        builder.HasIndex(a => a.DelegateId);
        builder.HasIndex(a => a.GuestId);
        builder.ToTable(t => t.HasCheckConstraint("CK_SeatAssignments_OnePerson",
            "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)"));
    }
}

internal sealed class HostDepartmentConfiguration : IEntityTypeConfiguration<HostDepartment>
{
    public void Configure(EntityTypeBuilder<HostDepartment> builder)
    {
        builder.Property(d => d.NameEn).HaveLength(200);
        builder.Property(d => d.NameZh).HaveLength(200);
        builder.Property(d => d.Email).HaveLength(256);
        builder.Property(d => d.ContactName).HaveLength(200);
        builder.Property(d => d.PreferredLanguage).HasMaxLength(16).IsUnicode(false);
        builder.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.ForumId, d.NameEn }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Topic).HaveLength(MeetingRules.MaxTopicLength);
        builder.Property(m => m.LanguagePair).HasMaxLength(32).IsUnicode(false);
        builder.Property(m => m.DeclineReason).HaveLength(MeetingRules.MaxReasonLength);
        builder.Property(m => m.RequestedBy).HaveLength(256);
        builder.Property(m => m.Minutes).HaveLength(MeetingRules.MaxMinutesLength);
        builder.HasOne<Forum>().WithMany().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegation>().WithMany().HasForeignKey(m => m.DelegationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Delegation>().WithMany().HasForeignKey(m => m.PartnerDelegationId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<HostDepartment>().WithMany().HasForeignKey(m => m.HostDepartmentId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Guest>().WithMany().HasForeignKey(m => m.InterpreterGuestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Preferences).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ForumId, m.Status, m.StartUtc });
        builder.HasIndex(m => m.DelegationId);
        builder.HasIndex(m => m.PartnerDelegationId);
        builder.HasIndex(m => m.HostDepartmentId);
        builder.HasIndex(m => new { m.RoomId, m.StartUtc });
        builder.HasIndex(m => new { m.InterpreterGuestId, m.StartUtc });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Meetings_OnePartner",
                "(HostDepartmentId IS NULL AND PartnerDelegationId IS NOT NULL) OR (HostDepartmentId IS NOT NULL AND PartnerDelegationId IS NULL)");
            t.HasCheckConstraint("CK_Meetings_NotWithItself", "PartnerDelegationId IS NULL OR PartnerDelegationId <> DelegationId");
            t.HasCheckConstraint("CK_Meetings_Duration", $"DurationMinutes >= {MeetingRules.MinDuration} AND DurationMinutes <= {MeetingRules.MaxDuration}");
            t.HasCheckConstraint("CK_Meetings_EndAfterStart", "StartUtc IS NULL OR (EndUtc IS NOT NULL AND EndUtc > StartUtc)");
        });
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.HasOne<Delegate>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Guest>().WithMany().HasForeignKey(p => p.GuestId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.MeetingId, p.DelegateId }).IsUnique();
        builder.HasIndex(p => new { p.MeetingId, p.GuestId }).IsUnique();
        builder.HasIndex(p => p.DelegateId);
        builder.HasIndex(p => p.GuestId);
        builder.ToTable(t => t.HasCheckConstraint("CK_MeetingParticipants_OnePerson",
            "(DelegateId IS NULL AND GuestId IS NOT NULL) OR (DelegateId IS NOT NULL AND GuestId IS NULL)"));
    }
}

internal sealed class MeetingPreferenceConfiguration : IEntityTypeConfiguration<MeetingPreference>
{
    public void Configure(EntityTypeBuilder<MeetingPreference> builder)
    {
        builder.HasIndex(p => p.MeetingId);
        builder.ToTable(t => t.HasCheckConstraint("CK_MeetingPreferences_ToAfterFrom", "ToUtc > FromUtc"));
    }
}

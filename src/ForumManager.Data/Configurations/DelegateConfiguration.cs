using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> builder)
    {
        builder.Property(d => d.NameEn).HaveLength(200);
        builder.Property(d => d.NameZh).HaveLength(200);
        builder.Property(d => d.CountryCode).HasMaxLength(2).IsUnicode(false).IsFixedLength();
        builder.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.PartnerCity).WithMany().HasForeignKey(d => d.PartnerCityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(d => d.Members).WithOne(m => m.Delegation).HasForeignKey(m => m.DelegationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ForumId, d.NameEn }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Delegations_Quota", "Quota IS NULL OR Quota >= 0"));
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Email).HaveLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsUnicode(false).IsFixedLength();
        builder.Property(i => i.CreatedBy).HaveLength(256);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.ForumId, i.DelegationId });

        // One open invitation per address and edition, whoever sends it and however many at once.
        builder.HasIndex(i => new { i.ForumId, i.Email }).IsUnique().HasFilter("AcceptedUtc IS NULL");

        // A head of an earlier edition is carried over once, even after accepting: inviting them again is not "again".
        builder.HasIndex(i => new { i.ForumId, i.CarriedFromForumId, i.Email }).IsUnique().HasFilter("CarriedFromForumId IS NOT NULL");
        builder.HasOne<Forum>().WithMany().HasForeignKey(i => i.CarriedFromForumId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Forum>().WithMany().HasForeignKey(i => i.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Delegation).WithMany().HasForeignKey(i => i.DelegationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DelegateConfiguration : IEntityTypeConfiguration<Delegate>
{
    public void Configure(EntityTypeBuilder<Delegate> builder)
    {
        builder.Property(d => d.FamilyName).HaveLength(100);
        builder.Property(d => d.GivenName).HaveLength(100);
        builder.Property(d => d.NativeName).HaveLength(200);
        builder.Property(d => d.NativeNameLanguage).HasMaxLength(16).IsUnicode(false);
        builder.Property(d => d.SearchKey).HaveLength(Core.Text.NameSearch.MaxKeyLength);
        builder.Property(d => d.Honorific).HaveLength(40);
        builder.Property(d => d.Position).HaveLength(200);
        builder.Property(d => d.Organization).HaveLength(200);
        builder.Property(d => d.CountryCode).HasMaxLength(2).IsUnicode(false).IsFixedLength();
        builder.Property(d => d.Email).HaveLength(256);
        builder.Property(d => d.Phone).HasMaxLength(32).IsUnicode(false);
        builder.Property(d => d.PreferredLanguage).HasMaxLength(16).IsUnicode(false);
        builder.Property(d => d.DietaryNeeds).HaveLength(500);
        builder.Property(d => d.AccessibilityNeeds).HaveLength(500);
        builder.Property(d => d.InterpretationLanguage).HasMaxLength(16).IsUnicode(false);
        builder.Property(d => d.PassportNumberProtected).HasMaxLength(1000).IsUnicode(false);
        builder.Property(d => d.DateOfBirthProtected).HasMaxLength(1000).IsUnicode(false);
        builder.Property(d => d.Nationality).HasMaxLength(2).IsUnicode(false).IsFixedLength();
        builder.Property(d => d.PassportPlaceOfIssue).HaveLength(200);
        builder.Property(d => d.StatusReason).HaveLength(1000);
        builder.Property(d => d.ClearanceReason).HaveLength(1000);
        builder.Property(d => d.CheckInToken).HasMaxLength(32).IsUnicode(false).IsFixedLength();
        builder.Property(d => d.Reference).HasMaxLength(Core.Delegates.DelegateReference.MaxLength).IsUnicode(false);

        // The database keeps references unique within a forum, whatever creates the delegate; the desk and the list find by it.
        builder.HasIndex(d => new { d.ForumId, d.Reference }).IsUnique();
        builder.HasIndex(d => d.CheckInToken).IsUnique();
        builder.Ignore(d => d.LatinName);
        builder.Ignore(d => d.HoldsPlace);
        builder.HasOne<Forum>().WithMany().HasForeignKey(d => d.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.SetNull);

        // A companion points at the person they accompany; records are never deleted one by one (a purge empties them in
        // place, a forum's deletion takes all of them in one statement), so the link restricts rather than cascades.
        builder.HasOne<Delegate>().WithMany().HasForeignKey(d => d.AccompaniesId).OnDelete(DeleteBehavior.Restrict);

        // One registration per person and edition; lists sort by precedence then name.
        builder.HasIndex(d => new { d.ForumId, d.Email }).IsUnique();
        builder.HasIndex(d => new { d.ForumId, d.UserId }).IsUnique();
        builder.HasIndex(d => new { d.ForumId, d.PrecedenceRank, d.FamilyName });
        builder.HasIndex(d => new { d.ForumId, d.Status });
        builder.HasIndex(d => new { d.ForumId, d.ChangeSeq });

        // The organizers' dashboard counts by country, by delegation and by day of registration from these alone,
        // without reading the rows.
        builder.HasIndex(d => new { d.ForumId, d.CountryCode, d.Status });
        builder.HasIndex(d => new { d.ForumId, d.DelegationId, d.Status });
        builder.HasIndex(d => new { d.ForumId, d.CreatedUtc });
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<Core.CheckIns.CheckIn>
{
    public void Configure(EntityTypeBuilder<Core.CheckIns.CheckIn> builder)
    {
        builder.Property(c => c.Checkpoint).HasMaxLength(40).IsUnicode(false);
        builder.Property(c => c.ScanId).HasMaxLength(64).IsUnicode(false);
        builder.Property(c => c.ByName).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(c => c.DelegateId).OnDelete(DeleteBehavior.NoAction);

        // Two desks scanning one badge at the same moment: the database keeps one check-in, the other desk is told "already".
        builder.HasIndex(c => new { c.DelegateId, c.Checkpoint }).IsUnique();
        builder.HasIndex(c => c.ScanId).IsUnique();
        builder.HasIndex(c => new { c.ForumId, c.Checkpoint });
    }
}

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Core.CheckIns.Scan>
{
    public void Configure(EntityTypeBuilder<Core.CheckIns.Scan> builder)
    {
        builder.Property(s => s.ScanId).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.Badge).HasMaxLength(40).IsUnicode(false);
        builder.Property(s => s.Checkpoint).HasMaxLength(40).IsUnicode(false);
        builder.Property(s => s.Result).HasMaxLength(32).IsUnicode(false);
        builder.Property(s => s.Reason).HasMaxLength(32).IsUnicode(false);
        builder.Property(s => s.ByName).HaveLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(s => s.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(s => s.DelegateId).OnDelete(DeleteBehavior.NoAction);

        // The database decides which of two scans sent with one id at once is the first: the other is compared with it.
        builder.HasIndex(s => s.ScanId).IsUnique();
        builder.HasIndex(s => new { s.ForumId, s.Result });
    }
}

internal sealed class BadgePrintConfiguration : IEntityTypeConfiguration<Core.CheckIns.BadgePrint>
{
    public void Configure(EntityTypeBuilder<Core.CheckIns.BadgePrint> builder)
    {
        builder.Property(p => p.ByName).HaveLength(256);
        builder.Property(p => p.ReprintReason).HaveLength(500);
        builder.HasOne<Forum>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(p => p.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.DelegateId, p.PrintedUtc });
    }
}

internal sealed class BadgeLayoutChoiceConfiguration : IEntityTypeConfiguration<Core.CheckIns.BadgeLayoutChoice>
{
    public void Configure(EntityTypeBuilder<Core.CheckIns.BadgeLayoutChoice> builder)
    {
        builder.HasOne<Forum>().WithMany().HasForeignKey(c => c.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ForumId, c.Category }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_BadgeLayoutChoices_Layout", "Layout BETWEEN 0 AND 2"));
    }
}

using ForumManager.Core.Accounts;
using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<ForumUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);

        // Ending every session of an account (a new password), and clearing out the lapsed ones.
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresUtc);
    }
}

internal sealed class UnknownAddressFailureConfiguration : IEntityTypeConfiguration<UnknownAddressFailure>
{
    public void Configure(EntityTypeBuilder<UnknownAddressFailure> builder)
    {
        builder.HasKey(f => f.AddressHash);
        builder.Property(f => f.AddressHash).HasMaxLength(64).IsUnicode(false).IsFixedLength();

        // Clearing out the counts of addresses not tried for a day.
        builder.HasIndex(f => f.LastFailureUtc);
    }
}

internal sealed class MemberSignInOfferConfiguration : IEntityTypeConfiguration<MemberSignInOffer>
{
    public void Configure(EntityTypeBuilder<MemberSignInOffer> builder)
    {
        builder.Property(o => o.TokenHash).HasMaxLength(64).IsUnicode(false).IsFixedLength();
        builder.HasOne<Forum>().WithMany().HasForeignKey(o => o.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(o => o.DelegateId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(o => o.DelegateId).IsUnique();
        builder.HasIndex(o => o.TokenHash).IsUnique().HasFilter("TokenHash IS NOT NULL");
    }
}

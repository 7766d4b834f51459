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

using ForumManager.Core.Badges;
using ForumManager.Core.Forums;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumManager.Data.Configurations;

internal sealed class BadgeBatchJobConfiguration : IEntityTypeConfiguration<BadgeBatchJob>
{
    public void Configure(EntityTypeBuilder<BadgeBatchJob> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.DelegateIds).IsUnicode(false);
        builder.Property(b => b.RequestedBy).HaveLength(256);
        builder.Property(b => b.Error).HaveLength(2000);
        builder.Property(b => b.ClaimedBy).HasMaxLength(64).IsUnicode(false);
        builder.HasOne<Forum>().WithMany().HasForeignKey(b => b.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BadgeBatchFile>().WithOne().HasForeignKey<BadgeBatchFile>(f => f.BatchId).OnDelete(DeleteBehavior.Cascade);

        // The renderer's query: batches waiting, or running on a lease that ran out, oldest first.
        builder.HasIndex(b => new { b.State, b.CreatedUtc });
        builder.HasIndex(b => b.CreatedUtc);
        builder.ToTable(t => t.HasCheckConstraint("CK_BadgeBatchJobs_Layout", "Layout BETWEEN 0 AND 2"));
    }
}

internal sealed class BadgeBatchFileConfiguration : IEntityTypeConfiguration<BadgeBatchFile>
{
    public void Configure(EntityTypeBuilder<BadgeBatchFile> builder) => builder.HasKey(f => f.BatchId);
}

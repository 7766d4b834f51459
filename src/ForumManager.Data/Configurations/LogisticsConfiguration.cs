using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Data.Configurations;

internal sealed class HotelConfiguration : IEntityTypeConfiguration<Hotel>
{
    public void Configure(EntityTypeBuilder<Hotel> builder)
    {
        builder.Property(h => h.NameEn).HaveLength(200);
        builder.Property(h => h.NameZh).HaveLength(200);
        builder.Property(h => h.AddressEn).HaveLength(400);
        builder.Property(h => h.AddressZh).HaveLength(400);
        builder.Property(h => h.MapUrl).HasMaxLength(500).IsUnicode(false);
        builder.Property(h => h.Phone).HasMaxLength(40).IsUnicode(false);
        builder.Property(h => h.ReservationsEmail).HasMaxLength(256);
        builder.HasOne<Forum>().WithMany().HasForeignKey(h => h.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.ForumId, h.NameEn }).IsUnique();
    }
}

internal sealed class RoomBlockConfiguration : IEntityTypeConfiguration<RoomBlock>
{
    public void Configure(EntityTypeBuilder<RoomBlock> builder)
    {
        builder.Ignore(b => b.Beds);
        builder.Property(b => b.DescriptionEn).HaveLength(200);
        builder.Property(b => b.DescriptionZh).HaveLength(200);
        builder.Property(b => b.Rate).HasPrecision(12, 2);
        builder.Property(b => b.Currency).HasMaxLength(3).IsUnicode(false);
        builder.HasOne(b => b.Hotel).WithMany(h => h.Blocks).HasForeignKey(b => b.HotelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.ForumId, b.HotelId });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_RoomBlocks_Allocated", "Allocated >= 0 AND Allocated <= Rooms");
            t.HasCheckConstraint("CK_RoomBlocks_Nights", "LastNight >= FirstNight");
            t.HasCheckConstraint("CK_RoomBlocks_Rate", "Rate >= 0");
        });
    }
}

internal sealed class HotelRoomConfiguration : IEntityTypeConfiguration<HotelRoom>
{
    public void Configure(EntityTypeBuilder<HotelRoom> builder)
    {
        builder.Property(r => r.RoomNumber).HaveLength(20);
        builder.HasOne(r => r.RoomBlock).WithMany().HasForeignKey(r => r.RoomBlockId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Occupants).WithOne(o => o.HotelRoom).HasForeignKey(o => o.HotelRoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ForumId, r.RoomBlockId });
    }
}

internal sealed class RoomOccupantConfiguration : IEntityTypeConfiguration<RoomOccupant>
{
    public void Configure(EntityTypeBuilder<RoomOccupant> builder)
    {
        // SQL Server takes one cascade path from a forum; the delegate's side restricts, and the purge removes these first.
        builder.HasOne<Delegate>().WithMany().HasForeignKey(o => o.DelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.DelegateId).IsUnique();
    }
}

internal sealed class AccommodationRequestConfiguration : IEntityTypeConfiguration<AccommodationRequest>
{
    public void Configure(EntityTypeBuilder<AccommodationRequest> builder)
    {
        builder.HasKey(r => r.DelegateId);
        builder.Ignore(r => r.Nights);
        builder.Property(r => r.Notes).HaveLength(500);
        builder.HasOne<Delegate>().WithOne().HasForeignKey<AccommodationRequest>(r => r.DelegateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(r => r.ShareWithDelegateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ForumId, r.CheckIn });
        builder.ToTable(t => t.HasCheckConstraint("CK_AccommodationRequests_Nights", "CheckOut > CheckIn"));
    }
}

internal sealed class RoomingListSendingConfiguration : IEntityTypeConfiguration<RoomingListSending>
{
    public void Configure(EntityTypeBuilder<RoomingListSending> builder)
    {
        builder.Property(s => s.SentBy).HaveLength(256);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(s => s.HotelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.HotelId, s.SentUtc });
    }
}

internal sealed class TransportHubConfiguration : IEntityTypeConfiguration<TransportHub>
{
    public void Configure(EntityTypeBuilder<TransportHub> builder)
    {
        builder.Property(h => h.Code).HasMaxLength(8).IsUnicode(false);
        builder.Property(h => h.NameEn).HaveLength(200);
        builder.Property(h => h.NameZh).HaveLength(200);
        builder.HasOne<Forum>().WithMany().HasForeignKey(h => h.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.ForumId, h.Code }).IsUnique();
    }
}

internal sealed class JourneyConfiguration : IEntityTypeConfiguration<Journey>
{
    public void Configure(EntityTypeBuilder<Journey> builder)
    {
        builder.Property(j => j.Number).HasMaxLength(12).IsUnicode(false);
        builder.Property(j => j.Terminal).HaveLength(20);
        builder.Property(j => j.OtherEnd).HaveLength(100);
        builder.HasOne<Delegate>().WithMany().HasForeignKey(j => j.DelegateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(j => j.Hub).WithMany().HasForeignKey(j => j.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.PickupWave).WithMany().HasForeignKey(j => j.PickupWaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Transfer).WithMany().HasForeignKey(j => j.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.DelegateId, j.Direction }).IsUnique();
        builder.HasIndex(j => new { j.ForumId, j.Direction, j.ScheduledUtc });
        builder.HasIndex(j => j.PickupWaveId);
        builder.HasIndex(j => j.TransferId);
    }
}

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.Property(v => v.Label).HaveLength(100);
        builder.Property(v => v.Plate).HaveLength(20);
        builder.Property(v => v.DriverName).HaveLength(100);
        builder.Property(v => v.DriverPhone).HasMaxLength(40).IsUnicode(false);
        builder.Property(v => v.LiaisonName).HaveLength(100);
        builder.Property(v => v.LiaisonPhone).HasMaxLength(40).IsUnicode(false);
        builder.HasOne<Forum>().WithMany().HasForeignKey(v => v.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ForumId, v.Label }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Vehicles_Seats", "Seats > 0 AND Seats <= 100"));
    }
}

internal sealed class PickupWaveConfiguration : IEntityTypeConfiguration<PickupWave>
{
    public void Configure(EntityTypeBuilder<PickupWave> builder)
    {
        builder.HasOne<Forum>().WithMany().HasForeignKey(w => w.ForumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(w => w.Hub).WithMany().HasForeignKey(w => w.HubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Transfers).WithOne(t => t.PickupWave).HasForeignKey(t => t.PickupWaveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.ForumId, w.StartUtc });
        builder.ToTable(t => t.HasCheckConstraint("CK_PickupWaves_Window", "EndUtc >= StartUtc"));
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.HasOne(t => t.Vehicle).WithMany().HasForeignKey(t => t.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.PickupWaveId, t.VehicleId }).IsUnique();
        builder.HasIndex(t => t.VehicleId);
        builder.ToTable(t => t.HasCheckConstraint("CK_Transfers_Taken", "Taken >= 0 AND Taken <= Seats"));
    }
}

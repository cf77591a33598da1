using Ava.Infrastructure.ChangeSets;

namespace Ava.Tests.Infrastructure.ChangeSets;

public sealed class EntitySnapshotTests
{
    // As changesets recorded a stream before the bookkeeping was typed: string values under snake-case keys.
    private const string RecordedBeforeTypedMeta = """
        {"id":42,"fields":{"title":"Connection pool exhaustion","status":"Raw","tags":"database, incident"},
         "meta":{"created_at":"2026-11-20T09:30:00.1234567Z","created_by":"developer@ava.local","updated_at":"2026-11-21T10:00:00.0000000Z","updated_by":"admin@ava.local","archived_at":null}}
        """;

    [Fact]
    public void FromJson_ReadsTheTypedBookkeeping_OfASnapshotRecordedWithStringValues()
    {
        var snapshot = EntitySnapshot<StreamSnapshotMeta>.FromJson(RecordedBeforeTypedMeta).ShouldNotBeNull();

        snapshot.Id.ShouldBe(42);
        snapshot.Fields["status"].ShouldBe("Raw");
        snapshot.Meta.ShouldBe(new StreamSnapshotMeta(
            new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567), "developer@ava.local",
            new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero), "admin@ava.local", null));
    }

    [Fact]
    public void ToJson_KeepsTheKeysOfEarlierSnapshots_AndRoundTripsExactly()
    {
        var meta = new StreamSnapshotMeta(DateTimeOffset.UnixEpoch.AddTicks(123), "a", DateTimeOffset.UnixEpoch.AddDays(1), "b", DateTimeOffset.UnixEpoch.AddDays(2));
        var snapshot = new EntitySnapshot<StreamSnapshotMeta>(7, new Dictionary<string, string?> { ["ecl_score"] = "0.5" }, meta);

        var json = snapshot.ToJson();

        json.ShouldContain("\"fields\":{\"ecl_score\":\"0.5\"}");
        json.ShouldContain("\"created_at\":");
        json.ShouldContain("\"archived_at\":");
        EntitySnapshot<StreamSnapshotMeta>.FromJson(json).ShouldNotBeNull().Meta.ShouldBe(meta);
        EntitySnapshot.FromJson(json).ShouldNotBeNull().Fields.ShouldBe(snapshot.Fields);
    }
}

using Inbox.Contracts.Keys;

namespace Inbox.Contracts.Tests;

public sealed class GrainKeysTests
{
    [Fact]
    public void A_key_starts_with_its_organisation_and_splits_back_into_its_parts()
    {
        var key = GrainKeys.Compose("demo", "web", "v_1");
        Assert.Equal("demo:web:v_1", key);
        Assert.Equal(["demo", "web", "v_1"], GrainKeys.Split(key, 3));
        Assert.Equal(new OrganisationScoped("demo", "cv_1"), OrganisationScoped.Parse("demo:cv_1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData("a/b")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public void A_part_that_could_break_a_key_or_a_table_key_is_refused(string part)
    {
        Assert.False(GrainKeys.IsValidId(part));
        Assert.Throws<ArgumentException>(() => GrainKeys.Compose("demo", part));
    }

    [Fact]
    public void A_key_with_the_wrong_number_of_parts_is_refused() =>
        Assert.Throws<ArgumentException>(() => GrainKeys.Split("demo:cv_1", 3));

    [Fact]
    public void New_ids_are_valid_unique_and_ordered_by_creation()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => GrainKeys.NewId("cv")).ToList();
        Assert.All(ids, id => Assert.True(GrainKeys.IsValidId(id)));
        Assert.All(ids, id => Assert.StartsWith("cv_", id, StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

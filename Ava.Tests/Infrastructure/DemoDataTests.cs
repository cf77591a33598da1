using System.Text.RegularExpressions;
using Ava.Domain.Streams;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Streams;

namespace Ava.Tests.Infrastructure;

public sealed class DemoDataTests
{
    [Fact]
    public void Streams_Generate_Returns200ValidItems()
    {
        var items = StreamDemoData.Generate();

        items.Count.ShouldBe(200);
        var validator = new StreamValuesValidator();
        foreach (var item in items)
        {
            var result = validator.Validate(item.Values);
            result.IsValid.ShouldBeTrue($"'{item.Values.Title}': {string.Join("; ", result.Errors.Select(e => e.ErrorMessage))}");
            item.AgeDays.ShouldBeInRange(0, 60);
            item.AgeMinutes.ShouldBeInRange(0, 24 * 60 - 1);
            item.Author.ShouldBeOneOf("admin@ava.local", "developer@ava.local", "automation");
        }
    }

    [Fact]
    public void Streams_Generate_IsDeterministicForASeed()
    {
        var first = StreamDemoData.Generate();
        var second = StreamDemoData.Generate();

        first.Select(i => (i.Values.Title, i.Values.Status, i.Values.EclScore, i.AgeDays, i.AgeMinutes, i.Author))
            .ShouldBe(second.Select(i => (i.Values.Title, i.Values.Status, i.Values.EclScore, i.AgeDays, i.AgeMinutes, i.Author)));
    }

    [Fact]
    public void Streams_Generate_LeavesWorkForTheArchiveJob()
    {
        var items = StreamDemoData.Generate();

        items.Count(i => i.AgeDays > 30 && i.Values.Status != StreamStatus.Archived).ShouldBeGreaterThanOrEqualTo(60);
    }

    [Fact]
    public void Streams_Generate_CoversSourcesStatusesAndDistinctTitles()
    {
        var items = StreamDemoData.Generate();

        items.Select(i => i.Values.Source).Distinct().Count().ShouldBe(Enum.GetValues<StreamSource>().Length);
        items.Select(i => i.Values.Status).Distinct().Count().ShouldBe(Enum.GetValues<StreamStatus>().Length);
        items.Select(i => i.Values.Title).Distinct().Count().ShouldBeGreaterThanOrEqualTo(150);
    }

    [Fact]
    public void Codestones_All_AreValidAndSpreadOverLanguages()
    {
        var all = CodestoneDemoData.All;

        all.Count.ShouldBeGreaterThanOrEqualTo(38);
        var validator = new CodestoneValuesValidator();
        foreach (var item in all)
        {
            var result = validator.Validate(item.Values);
            result.IsValid.ShouldBeTrue($"'{item.Values.Title}': {string.Join("; ", result.Errors.Select(e => e.ErrorMessage))}");
        }

        all.Select(i => i.Values.Language).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        all.Select(i => i.Values.Title).Distinct().Count().ShouldBe(all.Count);
    }

    [Fact]
    public void Codestones_All_IncludeProblemsForReviewers()
    {
        var codes = CodestoneDemoData.All.Select(i => i.Values.Code).ToList();

        codes.ShouldContain(c => c.Contains("eval(", StringComparison.Ordinal));
        codes.ShouldContain(c => Regex.IsMatch(c, "(?i)(api_?key|secret|token)\\w*\\s*=\\s*[\"']sk-"));
        codes.ShouldContain(c => Regex.IsMatch(c, "\"SELECT[^\"]*\"\\s*\\+"));
        codes.ShouldContain(c => c.Contains("os.system(", StringComparison.Ordinal) || c.Contains("Process.Start(", StringComparison.Ordinal));
    }
}

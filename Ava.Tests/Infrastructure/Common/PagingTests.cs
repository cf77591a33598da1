using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Workflows;

namespace Ava.Tests.Infrastructure.Common;

public sealed class PagingTests
{
    [Theory]
    [InlineData(-5, 25, 0, 25)]
    [InlineData(3, 0, 3, 1)]
    [InlineData(0, 10_000, 0, PageRequest.MaxSize)]
    [InlineData(int.MaxValue, 200, PageRequest.MaxPage, 200)]
    public void PageRequest_ClampsPageAndSize_WhateverTheCallerAsks(int page, int size, int expectedPage, int expectedSize)
    {
        var request = new PageRequest(page, size);

        request.Page.ShouldBe(expectedPage);
        request.Size.ShouldBe(expectedSize);
        request.Skip.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Paged_SaysMoreThan_OnlyWhenTheCountStoppedAtItsLimit()
    {
        new Paged<int>([], 1_001, PageRequest.First, CountLimit: 1_000).IsTotalCapped.ShouldBeTrue();
        new Paged<int>([], 1_000, PageRequest.First, CountLimit: 1_000).IsTotalCapped.ShouldBeFalse();
        new Paged<int>([], 50_000, PageRequest.First).IsTotalCapped.ShouldBeFalse();
    }

    [Fact]
    public async Task WorkflowRuns_ServeAtMostTheLargestPage_WhenAskedForMore()
    {
        await using var db = await ServiceDatabase.CreateAsync();
        db.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
        await using (var context = db.NewContext())
        {
            for (var i = 0; i < PageRequest.MaxSize + 20; i++)
            {
                context.WorkflowRuns.Add(new WorkflowRun($"job-{i}", "test", WorkflowTriggers.Schedule, "{}", DateTimeOffset.UtcNow.AddSeconds(-i)));
            }

            await context.SaveChangesAsync();
        }

        var page = await db.AsAsync<WorkflowRunQueries, Paged<WorkflowRunRow>>(db.User, runs => runs.ListAsync(null, new PageRequest(-1, 100_000)));

        page.Items.Count.ShouldBe(PageRequest.MaxSize);
        page.Total.ShouldBe(PageRequest.MaxSize + 20);
        page.Request.Page.ShouldBe(0);
    }
}

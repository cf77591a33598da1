using Ava.Dashboard.Components.Shared;
using Bunit;
using MudBlazor;

namespace Ava.Tests.Components;

public sealed class IconSpriteTests : BunitContext
{
    [Fact]
    public void TheSprite_HoldsEachIconOnce_AndAnIconFromIt_PointsAtItsSymbol()
    {
        string[] icons = [Icons.Material.Filled.Spa, Icons.Material.Filled.Diamond, Icons.Material.Filled.Spa];

        var sprite = Render(IconSprite.Symbols(icons));

        var symbols = sprite.FindAll("svg > symbol");
        symbols.Select(s => s.Id).ShouldBe([IconSprite.IdOf(Icons.Material.Filled.Spa), IconSprite.IdOf(Icons.Material.Filled.Diamond)]);
        symbols.ShouldAllBe(s => s.GetAttribute("viewBox") == "0 0 24 24");
        symbols[0].ChildElementCount.ShouldBeGreaterThan(0);
        sprite.Find("svg").GetAttribute("aria-hidden").ShouldBe("true");
        IconSprite.Html(Icons.Material.Filled.Diamond, "small").ShouldContain($"<use href=\"#{IconSprite.IdOf(Icons.Material.Filled.Diamond)}\"/>");
        IconSprite.Html(Icons.Material.Filled.Diamond, "small").ShouldContain("mud-icon-size-small");
    }

    [Fact]
    public void DifferentIcons_HaveDifferentIds_AndTheSameIconTheSameIdEveryTime()
    {
        IconSprite.IdOf(Icons.Material.Filled.Spa).ShouldNotBe(IconSprite.IdOf(Icons.Material.Filled.Diamond));
        IconSprite.IdOf(new string(Icons.Material.Filled.Spa)).ShouldBe(IconSprite.IdOf(Icons.Material.Filled.Spa));
        IconSprite.IdOf(Icons.Material.Filled.Spa).ShouldMatch("^icon-[0-9a-f]{10}$");
    }
}

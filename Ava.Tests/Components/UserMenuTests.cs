using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Bunit;
using Microsoft.AspNetCore.Components.Web;

namespace Ava.Tests.Components;

public class UserMenuTests : DashboardTestContext
{
    [Fact]
    public void ClosedMenu_IsOnlyItsButton_WithTheUsersNameAndRole()
    {
        var menu = RenderMenu();

        var button = menu.Find("button[aria-haspopup=menu]");
        button.GetAttribute("aria-expanded").ShouldBe("false");
        button.HasAttribute("aria-controls").ShouldBeFalse();
        menu.Find("[data-testid=user-name]").TextContent.ShouldBe("viewer@ava.local");
        menu.Find("[data-testid=user-role]").TextContent.ShouldBe("Viewer · approver");
        menu.FindAll("[role=menu]").ShouldBeEmpty("a closed menu keeps no list in the page");
    }

    [Fact]
    public void Button_OpensTheMenu_WithEveryItemAsAFullPageLoad()
    {
        var menu = RenderMenu();

        menu.Find("button[aria-haspopup=menu]").Click();

        var button = menu.Find("button[aria-haspopup=menu]");
        button.GetAttribute("aria-expanded").ShouldBe("true");
        var list = menu.Find("[role=menu]");
        button.GetAttribute("aria-controls").ShouldBe(list.Id);
        var items = list.QuerySelectorAll("[role=menuitem]");
        items.Select(i => i.TextContent).ShouldBe(["Account settings", "API tokens", "API reference", "Sign out"]);
        items.Take(3).Select(i => i.GetAttribute("href")).ShouldBe(["Account/Manage", "Account/Manage/ApiTokens", "api/reference"]);
        items.Take(3).ShouldAllBe(i => i.GetAttribute("target") == "_top", "the account pages render without a circuit");
        var signOut = items[3];
        signOut.GetAttribute("type").ShouldBe("submit");
        signOut.Closest("form")!.GetAttribute("action").ShouldBe("Account/Logout");
        signOut.Closest("form")!.GetAttribute("method").ShouldBe("post");
    }

    [Fact]
    public void Escape_ClosesTheMenu_AndGivesTheFocusBackToItsButton()
    {
        var menu = RenderMenu();
        menu.Find("button[aria-haspopup=menu]").Click();
        var focus = JSInterop.SetupVoid("Blazor._internal.domWrapper.focus", _ => true);

        menu.Find("[role=menuitem]").KeyDown(new KeyboardEventArgs { Key = "Escape" });

        menu.FindAll("[role=menu]").ShouldBeEmpty();
        menu.Find("button[aria-haspopup=menu]").GetAttribute("aria-expanded").ShouldBe("false");
        focus.Invocations.ShouldNotBeEmpty("the focus returns to the menu's button");
    }

    [Fact]
    public void ClickBesideTheMenu_ClosesIt_AndASecondClickOnTheButtonToo()
    {
        var menu = RenderMenu();
        var button = menu.Find("button[aria-haspopup=menu]");

        button.Click();
        menu.Find(".user-menu-scrim").Click();

        menu.FindAll("[role=menu]").ShouldBeEmpty();

        menu.Find("button[aria-haspopup=menu]").Click();
        menu.Find("button[aria-haspopup=menu]").Click();

        menu.FindAll("[role=menu]").ShouldBeEmpty();
    }

    [Fact]
    public void OtherKeys_LeaveTheMenuOpen()
    {
        var menu = RenderMenu();
        menu.Find("button[aria-haspopup=menu]").Click();

        menu.Find("[role=menuitem]").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });

        menu.FindAll("[role=menu]").ShouldHaveSingleItem();
    }

    private IRenderedComponent<UserMenu> RenderMenu()
    {
        var user = Approver(Roles.Viewer);
        return Render<UserMenu>(parameters => parameters.Add(m => m.User, user));
    }
}

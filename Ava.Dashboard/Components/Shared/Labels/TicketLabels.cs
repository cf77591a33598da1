using Ava.Domain.Tickets;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>How tickets read on screen: status words, priority colours and the action that moves a ticket on.</summary>
public static class TicketLabels
{
    public static string Of(TicketStatus status) => status == TicketStatus.InProgress ? "In progress" : status.ToString();

    public static Color ColorOf(TicketPriority priority) => priority switch
    {
        TicketPriority.Critical => Color.Error,
        TicketPriority.High => Color.Warning,
        TicketPriority.Medium => Color.Info,
        _ => Color.Default,
    };

    public static Color ColorOf(TicketStatus status) => status switch
    {
        TicketStatus.Open => Color.Warning,
        TicketStatus.InProgress => Color.Info,
        _ => Color.Success,
    };

    /// <summary>The button that moves a ticket to <paramref name="next"/>.</summary>
    public static string ActionTo(TicketStatus next) => next switch
    {
        TicketStatus.InProgress => "Start work",
        TicketStatus.Resolved => "Resolve",
        _ => $"Move to {Of(next)}",
    };
}

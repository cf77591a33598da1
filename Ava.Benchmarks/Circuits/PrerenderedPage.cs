using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ava.Benchmarks.Circuits;

/// <summary>
/// What blazor.web.js reads from a prerendered page before it starts a circuit: the markers of the
/// interactive server components (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>, each followed later by an end
/// marker holding only its prerender id) and the persisted component state, if the page has any.
/// </summary>
internal sealed partial class PrerenderedPage
{
    private PrerenderedPage(IReadOnlyList<JsonObject> serverMarkers, string serverState)
    {
        ServerMarkers = serverMarkers;
        ServerState = serverState;
    }

    public IReadOnlyList<JsonObject> ServerMarkers { get; }

    /// <summary>The <c>Blazor-Server-Component-State</c> comment's value; empty when the page has none.</summary>
    public string ServerState { get; }

    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            if (JsonNode.Parse(match.Groups["json"].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = ServerStateComment().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups["state"].Value : "");
    }

    /// <summary>
    /// The first root-component operation batch blazor.web.js sends: an <c>add</c> per marker, in page order, with
    /// SSR component ids from 1 and the marker as discovered (its JSON plus a unique id).
    /// </summary>
    public string AddOperations(int batchId)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = (JsonObject)ServerMarkers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.+?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex ServerStateComment();
}

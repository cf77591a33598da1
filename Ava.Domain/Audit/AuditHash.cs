using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ava.Domain.Audit;

/// <summary>
/// The canonical content of an event and its SHA-256. Every stored field takes part, each
/// length-prefixed so that no two different events share a canonical form.
/// </summary>
public static class AuditHash
{
    public static string Compute(AuditEvent e) => Compute(
        e.Sequence, e.Timestamp.UtcTicks, e.CorrelationId, e.UserId, e.UserName, e.Action, e.Resource,
        e.Success, e.Error, e.Metadata, e.ClientIp, e.PreviousHash);

    public static string Compute(
        long sequence, long timestampTicks, string? correlationId, string? userId, string userName, string action,
        string resource, bool success, string? error, string? metadata, string? clientIp, string previousHash)
    {
        var builder = new StringBuilder(256);
        Append(builder, sequence.ToString(CultureInfo.InvariantCulture));
        Append(builder, timestampTicks.ToString(CultureInfo.InvariantCulture));
        Append(builder, correlationId);
        Append(builder, userId);
        Append(builder, userName);
        Append(builder, action);
        Append(builder, resource);
        Append(builder, success ? "1" : "0");
        Append(builder, error);
        Append(builder, metadata);
        Append(builder, clientIp);
        Append(builder, previousHash);

        var text = builder.ToString();
        var byteCount = Encoding.UTF8.GetByteCount(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (byteCount <= 1024)
        {
            Span<byte> bytes = stackalloc byte[byteCount];
            Encoding.UTF8.GetBytes(text, bytes);
            SHA256.HashData(bytes, hash);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        }

        return Convert.ToHexStringLower(hash);
    }

    private static void Append(StringBuilder builder, string? value)
    {
        if (value is null)
        {
            builder.Append("-1:");
            return;
        }

        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }
}

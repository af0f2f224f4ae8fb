using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Katalyst.Referrals.Scoring;

/// <summary>Sends a partner's API key with every call: <c>authorization: Bearer KEY</c> metadata.</summary>
public static class ApiKeyMetadata
{
    /// <summary>A call invoker over <paramref name="channel"/> that adds the key to every call; plain when the key is null or empty.</summary>
    public static CallInvoker WithApiKey(this GrpcChannel channel, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (string.IsNullOrEmpty(apiKey))
        {
            return channel.CreateCallInvoker();
        }

        var header = $"Bearer {apiKey}";
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", header);
            return metadata;
        });
    }
}

using Bunit;
using MudBlazor.Services;

namespace Katalyst.Portal.Tests.Referral;

/// <summary>The bUnit context for portal components: MudBlazor's services, and its JavaScript calls answered loosely.</summary>
public abstract class MudComponentTest : BunitContext
{
    /// <summary>Creates the context.</summary>
    protected MudComponentTest()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}

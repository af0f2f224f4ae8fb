namespace Katalyst.Synthetic.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Truth_IsTrue() => Assert.Equal(2, 1 + 1);
}

using Katalyst.Referrals.Linking;

namespace Katalyst.Referrals.Tests.Linking;

public sealed class NormalisationTests
{
    private static readonly LinkingPhoneNumbers Pakistan = new("PK");

    [Theory]
    [InlineData("ali.khan12@gmail.com", "alikhan12@gmail.com")]
    [InlineData("AliKhan12@Gmail.com", "alikhan12@gmail.com")]
    [InlineData("ALI.KHAN12+insta@GMAIL.COM", "alikhan12@gmail.com")]
    [InlineData("a.l.i.khan12@googlemail.com", "alikhan12@gmail.com")]
    [InlineData(" <mailto:alikhan12@gmail.com> ", "alikhan12@gmail.com")]
    [InlineData("ali.khan+fb@hotmail.com", "ali.khan@hotmail.com")]
    [InlineData("Ali.Khan@Yahoo.com", "ali.khan@yahoo.com")]
    [InlineData("ali.khan-pk@yahoo.com", "ali.khan@yahoo.com")]
    [InlineData("ali+khan@example.pk", "ali+khan@example.pk")]
    [InlineData("ali.khan@example.pk.", "ali.khan@example.pk")]
    public void Normalize_EmailForms_SameMailbox(string written, string expected) =>
        Assert.Equal(expected, EmailAddresses.Normalize(written));

    [Theory]
    [InlineData("")]
    [InlineData("not an address")]
    [InlineData("@gmail.com")]
    [InlineData("ali@")]
    [InlineData("a@b@c.com")]
    [InlineData("+tag@gmail.com")]
    public void Normalize_NotAnEmail_Null(string written) => Assert.Null(EmailAddresses.Normalize(written));

    [Theory]
    [InlineData("+92 300 1234567")]
    [InlineData("+923001234567")]
    [InlineData("00923001234567")]
    [InlineData("0092 300 123 4567")]
    [InlineData("03001234567")]
    [InlineData("0300-1234567")]
    [InlineData("0300 1234567")]
    [InlineData("+92-300-1234567")]
    [InlineData("(0300) 123-4567")]
    public void Normalize_PakistaniMobileForms_OneE164Number(string written) =>
        Assert.Equal("+923001234567", Pakistan.Normalize(written));

    [Fact]
    public void Normalize_NationalNumberWithCallingCode_ReadInThatCountry() =>
        Assert.Equal("+447911123456", Pakistan.Normalize("07911 123456", "+44"));

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("call me")]
    public void Normalize_NotAPhoneNumber_Null(string written) => Assert.Null(Pakistan.Normalize(written));

    [Theory]
    [InlineData("39.32.0.1", "39.32.0.1")]
    [InlineData(" 39.32.0.1 ", "39.32.0.1")]
    [InlineData("39.32.0.1:51234", "39.32.0.1")]
    [InlineData("::ffff:39.32.0.1", "39.32.0.1")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public void Normalize_IpForms_CanonicalAddress(string written, string expected) =>
        Assert.Equal(expected, IpAddresses.Normalize(written));

    [Theory]
    [InlineData("")]
    [InlineData("39.32.1")]
    [InlineData("300.1.1.1")]
    [InlineData("localhost")]
    public void Normalize_NotAnIp_Null(string written) => Assert.Null(IpAddresses.Normalize(written));

    [Theory]
    [InlineData("https://www.facebook.com/Ali.Khan/", "facebook.com/ali.khan")]
    [InlineData("http://facebook.com/ali.khan?ref=share#top", "facebook.com/ali.khan")]
    [InlineData("m.facebook.com/ali.khan", "facebook.com/ali.khan")]
    [InlineData("https://www.tiktok.com:443/@ali", "tiktok.com/@ali")]
    public void Normalize_ProfileUrlForms_OneProfile(string written, string expected) =>
        Assert.Equal(expected, ProfileUrls.Normalize(written));

    [Fact]
    public void Normalize_NonHttpUrl_Null() => Assert.Null(ProfileUrls.Normalize("ftp://example.com/ali"));
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using StudyBot.Slack.Authentication;

namespace StudyBot.Slack.Tests.Authentication;

/// <summary>Slack's documented request-signing test vector (signing/signing_test_vector.json) and its negative cases.</summary>
public sealed class SlackSignatureVerifierTests
{
    private static readonly JsonObject Vector = SlackFixtures.Json("signing", "signing_test_vector.json");
    private static readonly byte[] Body = File.ReadAllBytes(StudyBot.Tests.TestPaths.Fixture("slack", "signing", "request_body.txt"));
    private static readonly string Timestamp = (string)Vector["timestamp"]!;
    private static readonly string Signature = (string)Vector["expected_signature"]!;

    private static SlackSignatureVerifier Verifier(string secret, FakeTimeProvider clock) => new(Encoding.UTF8.GetBytes(secret), clock);

    private static FakeTimeProvider ClockAtVector(TimeSpan offset = default) =>
        new(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture)) + offset);

    [Fact]
    public void Sign_DocumentedVector_MatchesSlacksExpectedSignature()
    {
        Assert.Equal(362, Body.Length);
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Encoding.UTF8.GetBytes((string)Vector["signing_secret"]!), Timestamp, Body));
    }

    [Fact]
    public void Verify_DocumentedVectorWithinTheWindow_IsValid()
    {
        var verifier = Verifier((string)Vector["signing_secret"]!, ClockAtVector(TimeSpan.FromMinutes(4)));

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Timestamp, Signature, Body));
    }

    [Fact]
    public void Verify_WrongSecret_IsMismatch()
    {
        var verifier = Verifier("not-the-signing-secret", ClockAtVector());

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Timestamp, Signature, Body));
    }

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var verifier = Verifier((string)Vector["signing_secret"]!, ClockAtVector());
        var tampered = Body.Concat(Encoding.UTF8.GetBytes((string)Vector["negative_cases"]![0]!["body_suffix"]!)).ToArray();

        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Timestamp, Signature, tampered));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Verify_TimestampOutsideFiveMinutes_IsStale(int offsetSeconds)
    {
        var verifier = Verifier((string)Vector["signing_secret"]!, ClockAtVector(TimeSpan.FromSeconds(offsetSeconds)));

        Assert.Equal(SignatureCheck.Stale, verifier.Verify(Timestamp, Signature, Body));
    }

    [Fact]
    public void Verify_DocumentedVectorAgainstTheRealClock_IsStale()
    {
        var verifier = new SlackSignatureVerifier(Encoding.UTF8.GetBytes((string)Vector["signing_secret"]!), TimeProvider.System);

        Assert.Equal(SignatureCheck.Stale, verifier.Verify(Timestamp, Signature, Body));
    }

    [Theory]
    [InlineData(null, "v0=abc")]
    [InlineData("", "v0=abc")]
    [InlineData("1531420618", null)]
    [InlineData("1531420618", "")]
    public void Verify_MissingHeader_IsMissing(string? timestamp, string? signature)
    {
        var verifier = Verifier((string)Vector["signing_secret"]!, ClockAtVector());

        Assert.Equal(SignatureCheck.Missing, verifier.Verify(timestamp, signature, Body));
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1531420618")]
    public void Verify_MalformedTimestamp_IsStale(string timestamp)
    {
        var verifier = Verifier((string)Vector["signing_secret"]!, ClockAtVector());

        Assert.Equal(SignatureCheck.Stale, verifier.Verify(timestamp, Signature, Body));
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace StudyBot.Teams.Tests.Infrastructure;

/// <summary>An RSA key with a self-signed certificate, published as a JWK the way login.botframework.com does.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;

    public TestSigningKey(string[]? endorsements)
    {
        Endorsements = endorsements;
        var request = new CertificateRequest("CN=StudyBot test signing key", _rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        Thumbprint = Base64UrlEncoder.Encode(_certificate.GetCertHash());
        KeyId = Thumbprint;
    }

    /// <summary>Like the real keys, the key id is the certificate's base64url SHA-1 thumbprint (x5t).</summary>
    public string KeyId { get; }

    public string Thumbprint { get; }

    public string[]? Endorsements { get; }

    /// <summary>Signs with kid and x5t in the header, as the Bot Connector's tokens are.</summary>
    public SigningCredentials Credentials => new(new X509SecurityKey(_certificate, KeyId), SecurityAlgorithms.RsaSha256);

    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["x5t"] = Thumbprint,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["x5c"] = new JsonArray(Convert.ToBase64String(_certificate.RawData)),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]);
        }

        return jwk;
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _rsa.Dispose();
    }
}

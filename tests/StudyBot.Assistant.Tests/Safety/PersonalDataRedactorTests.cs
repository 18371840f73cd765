using StudyBot.Assistant.Safety;

namespace StudyBot.Assistant.Tests.Safety;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("Mail jane.doe+ml@example.co.uk today", "Mail [email] today")]
    [InlineData("Call +1 (415) 555-0132 now", "Call [phone] now")]
    [InlineData("Office: +44 20 7946 0958.", "Office: [phone].")]
    [InlineData("Ring 030 1234 5678 after 5", "Ring [phone] after 5")]
    [InlineData("Card 4111 1111 1111 1111 on file", "Card [card] on file")]
    [InlineData("Pay to DE89 3704 0044 0532 0130 00 please", "Pay to [iban] please")]
    [InlineData("Server at 10.20.30.40 is down", "Server at [ip] is down")]
    public void Redact_PersonalData_IsReplaced(string text, string expected) => Assert.Equal(expected, PersonalDataRedactor.Redact(text));

    [Theory]
    [InlineData("QLoRA fits a 65B model on one 48 GB GPU.")]
    [InlineData("Released 2023-05-23, version 1.82.0.")]
    [InlineData("Trained on 1.4T tokens between 2019 and 2023.")]
    [InlineData("Order 1234 5678 9012 3456 is not a card (Luhn fails).")]
    [InlineData("Top-k 10 20 30 values")]
    public void Redact_OrdinaryFigures_StayAsTheyAre(string text) => Assert.Equal(text, PersonalDataRedactor.Redact(text));
}

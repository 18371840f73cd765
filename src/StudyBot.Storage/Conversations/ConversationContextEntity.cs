using Microsoft.EntityFrameworkCore;

namespace StudyBot.Storage.Conversations;

/// <summary>The space a person looks at beside a side conversation (Slack's assistant pane), by conversation.</summary>
public sealed class ConversationContextEntity
{
    public required string Channel { get; set; }

    public required string Space { get; set; }

    /// <summary>The conversation's thread; "" for none, so it can be part of the key.</summary>
    public required string Thread { get; set; }

    public string? ViewedSpace { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ConversationContextEntity>(context =>
        {
            context.ToTable("conversation_contexts");
            context.HasKey(c => new { c.Channel, c.Space, c.Thread });
        });
}

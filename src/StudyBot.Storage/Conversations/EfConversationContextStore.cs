using Microsoft.EntityFrameworkCore;
using StudyBot.Core.Conversations;

namespace StudyBot.Storage.Conversations;

/// <summary>Conversation contexts in the app store: one row per conversation, the latest context wins.</summary>
public sealed class EfConversationContextStore(AppStore store, TimeProvider time) : IConversationContextStore
{
    public async Task SaveAsync(ConversationAddress conversation, string? viewedSpace, CancellationToken cancellationToken)
    {
        try
        {
            await UpsertAsync(conversation, viewedSpace, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first: update it instead.
            await UpsertAsync(conversation, viewedSpace, cancellationToken);
        }
    }

    public async Task<ConversationContext?> FindAsync(ConversationAddress conversation, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var thread = conversation.Thread ?? "";
        var row = await context.Set<ConversationContextEntity>().AsNoTracking()
            .FirstOrDefaultAsync(c => c.Channel == conversation.Channel && c.Space == conversation.Space && c.Thread == thread, cancellationToken);
        return row is null ? null : new ConversationContext(row.ViewedSpace, row.UpdatedAt);
    }

    private async Task UpsertAsync(ConversationAddress conversation, string? viewedSpace, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var contexts = context.Set<ConversationContextEntity>();
        var thread = conversation.Thread ?? "";
        var row = await contexts.FirstOrDefaultAsync(c => c.Channel == conversation.Channel && c.Space == conversation.Space && c.Thread == thread, cancellationToken);
        if (row is null)
        {
            row = new ConversationContextEntity { Channel = conversation.Channel, Space = conversation.Space, Thread = thread };
            contexts.Add(row);
        }

        row.ViewedSpace = viewedSpace;
        row.UpdatedAt = time.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
    }
}
